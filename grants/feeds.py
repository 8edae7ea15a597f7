"""The Atom feed of announced calls, in the page's language."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.formatting import tenge

from . import selectors
from .choices import CallPhase
from .dates import long_deadline

FEED_SIZE = 50


class CallsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Demeu: calls for state grants")

    def subtitle(self):
        return _("Calls for state grants for NGOs announced by the grant operator.")

    def link(self):
        return reverse("calls:list")

    def items(self):
        return selectors.public_calls().order_by("-announced_at", "-id")[:FEED_SIZE]

    def item_title(self, call):
        return f"{call.code} {call.title}"

    def item_description(self, call):
        parts = [str(CallPhase(call.phase).label), str(call.customer), long_deadline(call.closes_at)]
        if call.total_budget:
            parts.append(ngettext("%(count)d lot, %(budget)s in total", "%(count)d lots, %(budget)s in total",
                                  call.lots_count) % {"count": call.lots_count, "budget": tenge(call.total_budget)})
        if call.status == CallPhase.CANCELLED:
            parts.append(_("Cancelled: %(reason)s") % {"reason": call.cancellation_reason})
        return " · ".join(parts) + "\n\n" + call.description

    def item_pubdate(self, call):
        return call.announced_at

    def item_updateddate(self, call):
        return call.updated_at

    def item_author_name(self, call):
        return str(call.customer)
