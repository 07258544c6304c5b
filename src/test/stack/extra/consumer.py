"""Queue consumer of the large test host: BLPOPs one named queue from Redis (argv[1])."""
import os
import sys

import redis

queue_name = sys.argv[1]
conn = redis.Redis.from_url(os.environ["REDIS_URL"])
conn.ping()

while True:
    if conn.blpop(queue_name, timeout=5) is not None:
        conn.incr(queue_name + "_done")
