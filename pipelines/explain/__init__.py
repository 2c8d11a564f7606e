"""How a result was reached, in the agreements' words: its defined terms, the rows behind them, the waivers weighed."""
