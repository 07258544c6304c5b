"""Background worker of the shop: takes order ids from a Redis list, one connection held for its lifetime."""
import os

import redis

queue = redis.Redis.from_url(os.environ["REDIS_URL"])
queue.ping()

while True:
    # A timeout keeps the loop responsive to signals; the connection stays open between calls.
    item = queue.blpop("orders", timeout=5)
    if item is not None:
        queue.incr("orders_processed")
