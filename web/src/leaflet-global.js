// leaflet.markercluster is a UMD plugin that looks for a global `L`; it must exist before the
// plugin module is evaluated, so this module is imported first.
import L from "leaflet";

window.L = L;
export default L;
