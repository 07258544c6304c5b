"""Shop web app of InfraDoc's test host: each gunicorn worker holds its own PostgreSQL and Redis connection."""
import os
import uuid

import psycopg2
import redis
from flask import Flask, jsonify

# Opened at import. gunicorn runs without --preload, so every worker imports this module
# after the fork and holds its own ESTABLISHED connections, as a real app with a
# connection per process does; the scanner is expected to see them.
db = psycopg2.connect(os.environ["DATABASE_URL"])
db.autocommit = True
cache = redis.Redis.from_url(os.environ["REDIS_URL"])
cache.ping()
# Configured only: the test host has no route out and never sends anything there.
ORDERS_QUEUE_URL = os.environ["SQS_QUEUE_URL"]

app = Flask(__name__)


@app.route("/")
def index():
    with db.cursor() as cur:
        cur.execute("SELECT count(*) FROM orders")
        (orders,) = cur.fetchone()
    return jsonify(orders=orders, hits=cache.incr("hits"))


@app.route("/orders", methods=["POST"])
def create_order():
    order_id = str(uuid.uuid4())
    with db.cursor() as cur:
        cur.execute("INSERT INTO orders (id) VALUES (%s)", (order_id,))
    cache.rpush("orders", order_id)
    return jsonify(id=order_id), 201
