"""The one error ingest raises: its message is what the user reads after `brief: FILE: `."""


class IngestError(Exception):
    pass
