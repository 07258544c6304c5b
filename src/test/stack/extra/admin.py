"""Admin app of the large test host: PostgreSQL plus a separate Redis for sessions, per gunicorn worker."""
import os

import psycopg2
import redis
from flask import Flask, jsonify

db = psycopg2.connect(os.environ["DATABASE_URL"])
db.autocommit = True
sessions = redis.Redis.from_url(os.environ["SESSION_REDIS_URL"])
sessions.ping()

app = Flask(__name__)


@app.route("/")
def index():
    return jsonify(sessions=sessions.dbsize())
