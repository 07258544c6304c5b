"""Reporting job of the large test host: holds a PostgreSQL connection and a rate-limit Redis connection."""
import os
import time

import psycopg2
import redis

db = psycopg2.connect(os.environ["DATABASE_URL"])
db.autocommit = True
limits = redis.Redis.from_url(os.environ["RATELIMIT_REDIS_URL"])
limits.ping()

while True:
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM orders")
        cur.fetchone()
    time.sleep(30)
