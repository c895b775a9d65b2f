"""Fine-tune multilingual-e5-small for the accurate entity tagger: see :mod:`marsad.entities.finetune`.

Usage: python tools/ner/train_e5.py --out DIR [--split full|dev] [--epochs 4] [--minutes M]
(needs the training extra: pip install -e '.[train-e5]')
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from marsad.entities.finetune import main  # noqa: E402

if __name__ == "__main__":
    main()
