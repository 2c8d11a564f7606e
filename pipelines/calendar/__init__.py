"""The indenture's Business Day calendar (indenture-1996/def/BusinessDay) and the deadline conventions built on it."""
