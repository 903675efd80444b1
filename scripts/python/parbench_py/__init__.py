"""parbench's Python side: the seed article's own concurrency approaches (threading,
concurrent.futures, multiprocessing, joblib), run on parbench's workloads and measured like JMH,
so their results sit beside the JVM's in one report.

Run it as ``scripts/parbench python`` (see ``cli.py``); the modules are:

- ``workloads``: compute_x, the CPU task, the Wikipedia page check and the dispatch no-op, each
  producing exactly what the Java workloads produce for the same inputs;
- ``models``: the article's approaches behind one small facade, built by name (``py-*``);
- ``measurement``: warm-up and measured iterations, the JMH way (avgt);
- ``jmh_json``: statistics and the JMH 1.37 JSON shape;
- ``stub``: starts and stops the Wikipedia stub JVM (``scripts/parbench stub``);
- ``cli``: the command line.
"""
