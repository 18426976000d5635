"""The end-to-end example: train a tiny agent, analyse it, open the standalone page.

    python examples/end_to_end.py [--workdir rl_clarity_example] [--no-open]

The same as ``rl-clarity example``; the code, step by step, is ``rlclarity_plugin/example.py``.
"""

import sys

sys.path.insert(0, __file__.rsplit("/examples/", 1)[0])

from rlclarity_plugin.example import main

if __name__ == "__main__":
    sys.exit(main())
