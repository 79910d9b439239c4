"""The vocabularies eventwire codes into: PLOVER, ACLED and CAMEO, and the crosswalks between them."""

from eventwire.taxonomy.acled import (
    ACLED_EVENT_TYPES,
    ACLED_SUB_EVENT_TYPES,
    ACLED_TREE,
    acled_event_type,
    is_acled_event_type,
    is_acled_sub_event_type,
)
from eventwire.taxonomy.cameo import CAMEO_ROOTS, cameo_quad_class, cameo_root_name, is_cameo_root
from eventwire.taxonomy.mapping import cameo_root, default_acled
from eventwire.taxonomy.plover import (
    PLOVER_CONTEXTS,
    PLOVER_SECTORS,
    PLOVER_TYPES,
    QUAD_CLASS_NAMES,
    is_plover_context,
    is_plover_mode,
    is_plover_type,
    plover_modes,
    quad_class,
)

__all__ = [
    "ACLED_EVENT_TYPES",
    "ACLED_SUB_EVENT_TYPES",
    "ACLED_TREE",
    "CAMEO_ROOTS",
    "PLOVER_CONTEXTS",
    "PLOVER_SECTORS",
    "PLOVER_TYPES",
    "QUAD_CLASS_NAMES",
    "acled_event_type",
    "cameo_quad_class",
    "cameo_root",
    "cameo_root_name",
    "default_acled",
    "is_acled_event_type",
    "is_acled_sub_event_type",
    "is_cameo_root",
    "is_plover_context",
    "is_plover_mode",
    "is_plover_type",
    "plover_modes",
    "quad_class",
]
