"""Sessions in the database, with the idle time-out renewed without a write on every request.

SESSION_SAVE_EVERY_REQUEST makes Django write the session on every request only to move its
expiry on (settings: SESSION_COOKIE_AGE after the last request). A session that nothing changed
is written again only once its stored expiry lags the new one by more than RENEW_AFTER: an idle
session then ends between SESSION_COOKIE_AGE - RENEW_AFTER and SESSION_COOKIE_AGE after the last
request, never later, and a user clicking about costs one write a minute instead of one a click."""

import datetime

from django.contrib.sessions.backends import db

RENEW_AFTER = datetime.timedelta(minutes=1)


class SessionStore(db.SessionStore):
    # The expiry stored with the session as it was loaded (None: not loaded from the database).
    stored_expiry = None

    def _get_session_from_db(self):
        found = super()._get_session_from_db()
        self.stored_expiry = found.expire_date if found else None
        return found

    def save(self, must_create=False):
        if not (must_create or self.modified or self.session_key is None) and self._renewal_can_wait():
            return
        super().save(must_create=must_create)
        self.stored_expiry = self.get_expiry_date()

    def _renewal_can_wait(self):
        return self.stored_expiry is not None and self.get_expiry_date() - self.stored_expiry < RENEW_AFTER
