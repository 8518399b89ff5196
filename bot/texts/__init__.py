"""Every patient- and counselor-facing sentence, in one folder for clinical review.

Messages are sent with HTML parse mode: anything that comes from a person (aliases, names, notes)
must pass through ``esc`` before it is put into one of these texts.

Lock-screen rule: texts sent unprompted (reminders, prompts, nudges) never name the condition,
the treatment, substances or the clinic, because they show on lock screens.

One module per feature; this package re-exports them all, so code and tests say ``texts.NAME``.
"""

from bot.texts.ack_note import *  # noqa: F403
from bot.texts.alarms import *  # noqa: F403
from bot.texts.alert_groups import *  # noqa: F403
from bot.texts.alert_notes import *  # noqa: F403
from bot.texts.alert_since import *  # noqa: F403
from bot.texts.alert_stale import *  # noqa: F403
from bot.texts.alert_words import *  # noqa: F403
from bot.texts.audit_trouble import *  # noqa: F403
from bot.texts.away import *  # noqa: F403
from bot.texts.base import *  # noqa: F403
from bot.texts.broadcast import *  # noqa: F403
from bot.texts.caseload_pages import *  # noqa: F403
from bot.texts.checkin import *  # noqa: F403
from bot.texts.checkin_es import *  # noqa: F403
from bot.texts.closing import *  # noqa: F403
from bot.texts.cope import *  # noqa: F403
from bot.texts.cope_es import *  # noqa: F403
from bot.texts.counselor import *  # noqa: F403
from bot.texts.crisis import *  # noqa: F403
from bot.texts.crisis_again import *  # noqa: F403
from bot.texts.crisis_answer import *  # noqa: F403
from bot.texts.digest import *  # noqa: F403
from bot.texts.erasures import *  # noqa: F403
from bot.texts.flag_days import *  # noqa: F403
from bot.texts.flag_reasons import *  # noqa: F403
from bot.texts.follow import *  # noqa: F403
from bot.texts.history import *  # noqa: F403
from bot.texts.history_es import *  # noqa: F403
from bot.texts.inbox import *  # noqa: F403
from bot.texts.kept_look import *  # noqa: F403
from bot.texts.language import *  # noqa: F403
from bot.texts.measures import *  # noqa: F403
from bot.texts.measures_es import *  # noqa: F403
from bot.texts.media import *  # noqa: F403
from bot.texts.menus import *  # noqa: F403
from bot.texts.message_unsaved import *  # noqa: F403
from bot.texts.messages import *  # noqa: F403
from bot.texts.messages_es import *  # noqa: F403
from bot.texts.mydata_file import *  # noqa: F403
from bot.texts.not_enrolled import *  # noqa: F403
from bot.texts.onboarding import *  # noqa: F403
from bot.texts.onboarding_es import *  # noqa: F403
from bot.texts.oncall import *  # noqa: F403
from bot.texts.paged import *  # noqa: F403
from bot.texts.quiet import *  # noqa: F403
from bot.texts.reach import *  # noqa: F403
from bot.texts.records import *  # noqa: F403
from bot.texts.reply_lost import *  # noqa: F403
from bot.texts.rerouted import *  # noqa: F403
from bot.texts.restored import *  # noqa: F403
from bot.texts.review import *  # noqa: F403
from bot.texts.rights import *  # noqa: F403
from bot.texts.rights_es import *  # noqa: F403
from bot.texts.rolled_back import *  # noqa: F403
from bot.texts.roster import *  # noqa: F403
from bot.texts.safety_plan_es import *  # noqa: F403
from bot.texts.screen import *  # noqa: F403
from bot.texts.sessions import *  # noqa: F403
from bot.texts.sessions_es import *  # noqa: F403
from bot.texts.set_aside import *  # noqa: F403
from bot.texts.settings import *  # noqa: F403
from bot.texts.setup_resume import *  # noqa: F403
from bot.texts.sos import *  # noqa: F403
from bot.texts.sos_es import *  # noqa: F403
from bot.texts.support_es import *  # noqa: F403
from bot.texts.timeline import *  # noqa: F403
from bot.texts.unanswered import *  # noqa: F403
from bot.texts.unlock import *  # noqa: F403
from bot.texts.unsaved import *  # noqa: F403
