BREAKABLE_RULES = ()
Broken = None
broken = None
