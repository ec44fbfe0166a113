"""architecture_for returns None for an unknown task instead of raising.

dict.get hides the error: the caller gets None and fails later, far from the cause.
"""


def architecture_for(task):
    return {
        "speech_recognition": "encoder-decoder",
        "music_generation": "one-to-many",
        "sentiment_classification": "many-to-one",
        "dna_sequence_analysis": "many-to-many",
        "machine_translation": "encoder-decoder",
        "video_activity_recognition": "many-to-one",
        "named_entity_recognition": "many-to-many",
    }.get(task)
