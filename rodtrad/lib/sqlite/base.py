"""SQLite with a collation named "sv", so that queries can sort Swedish text the way PostgreSQL does."""

from django.db.backends.sqlite3 import base

from rodtrad.lib.swedish import compare


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        connection.create_collation("sv", compare)
        return connection
