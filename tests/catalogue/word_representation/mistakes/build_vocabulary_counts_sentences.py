"""build_vocabulary counts each word once per sentence (a set per sentence) instead of every appearance."""

FEEDBACK = {"es": "cuenta cada palabra una sola vez por frase, no cada aparición", "en": "counts each word once per sentence, not every appearance"}


def build_vocabulary(sentences, max_size=None, min_count=1):
    counts = {}
    for sentence in sentences:
        for word in set(tokenize(sentence)):
            counts[word] = counts.get(word, 0) + 1
    kept = sorted((w for w in counts if counts[w] >= min_count), key=lambda w: (-counts[w], w))
    if max_size is not None:
        kept = kept[: max_size - 2]
    word_to_index = {"<UNK>": 0, "<EOS>": 1}
    for word in kept:
        word_to_index[word] = len(word_to_index)
    return word_to_index
