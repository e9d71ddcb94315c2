"""Scale-out: ``eventwatch run --cluster local[:N]`` or ``--cluster tcp://host:port`` runs the pipeline on Dask.

Articles go to Dask workers in batches; each worker loads the models once and returns the analyses, which
the caller stores (one transaction per article) and fuses after each batch.
"""

from eventwatch.scale.batches import process_on_client, process_on_cluster
from eventwatch.scale.cluster import ClusterSpec, connect, parse_cluster
from eventwatch.scale.tasks import LoadModels, analyse_batch

__all__ = [
    "ClusterSpec",
    "LoadModels",
    "analyse_batch",
    "connect",
    "parse_cluster",
    "process_on_client",
    "process_on_cluster",
]
