"""Analysis of trained agents: NMF of attributions, advantages and bookmarks."""
