"""architecture_for returns None for an unknown task instead of raising.

dict.get hides the error: the caller gets None and fails later, far from the cause.
"""


def architecture_for(task):
    return {
        "image_classification": "one-to-one",
        "image_captioning": "one-to-many",
        "spam_detection": "many-to-one",
        "part_of_speech_tagging": "many-to-many",
        "text_summarization": "encoder-decoder",
        "speech_recognition": "encoder-decoder",
        "dna_sequence_analysis": "many-to-many",
        "video_activity_recognition": "many-to-one",
    }.get(task)
