"""The Atom feed of newly awarded grants, in the page's language."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from portal.formatting import tenge

from .selectors import registry

FEED_SIZE = 50


class GrantsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Demeu: newly awarded state grants")

    def subtitle(self):
        return _("State grants for NGOs awarded by the commission's decisions, newest first.")

    def link(self):
        return reverse("grants:registry")

    def items(self):
        return registry.with_columns(registry.public_grants()).order_by("-awarded_on", "-pk")[:FEED_SIZE]

    def item_title(self, grant):
        return f"{grant.number} {grant.title}"

    def item_link(self, grant):
        return reverse("grants:grant", kwargs={"number": grant.number})

    def item_description(self, grant):
        return _("%(ngo)s · %(amount)s · %(region)s · %(customer)s") % {
            "ngo": grant.ngo.name, "amount": tenge(grant.amount),
            "region": grant.lot.region.name if grant.lot.region_id else _("National (all regions)"),
            "customer": grant.call.customer.name,
        }

    def item_pubdate(self, grant):
        return grant.created_at

    def item_updateddate(self, grant):
        return grant.updated_at

    def item_author_name(self, grant):
        return str(grant.call.customer.name)
