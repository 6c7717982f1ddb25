"""The names of the app's admin URLs, one constant each. Viewsets take their ``name`` (the URL
namespace) from here, and every ``reverse()`` of another viewset's page uses these constants,
never a string literal, so that renaming a viewset cannot leave a link behind. Inside a viewset,
``self.get_url_name(view)`` is Wagtail's way and stays. tests/web/test_admin_url_names.py
reverses every name."""

# Viewset names: each is the URL namespace of its views.
DECISION_MAKERS = "advocacy_decision_makers"
CORRECTIONS = "advocacy_corrections"
SUGGESTIONS = "advocacy_suggestions"
ACTION_REPORTS = "action_reports"
CAMPAIGN_IMPACT = "campaign_impact"
CAMPAIGN_BUNDLE = "advocacy_campaign_bundle"

DECISION_MAKERS_INDEX = f"{DECISION_MAKERS}:index"
DECISION_MAKERS_INDEX_RESULTS = f"{DECISION_MAKERS}:index_results"
DECISION_MAKERS_IMPORT = f"{DECISION_MAKERS}:import"
DECISION_MAKERS_EXPORT = f"{DECISION_MAKERS}:export"  # args: directory id
DECISION_MAKERS_MANAGED_LOCALLY = f"{DECISION_MAKERS}:managed_locally"  # args: page id

CORRECTIONS_INDEX = f"{CORRECTIONS}:index"
CORRECTIONS_INDEX_RESULTS = f"{CORRECTIONS}:index_results"
CORRECTIONS_RESOLVE = f"{CORRECTIONS}:resolve"  # args: correction id

SUGGESTIONS_INDEX = f"{SUGGESTIONS}:index"

ACTION_REPORTS_INDEX = f"{ACTION_REPORTS}:index"
ACTION_REPORTS_INSPECT = f"{ACTION_REPORTS}:inspect"  # args: report id
ACTION_REPORTS_ERASE = f"{ACTION_REPORTS}:erase"  # args: report id

CAMPAIGN_IMPACT_INDEX = f"{CAMPAIGN_IMPACT}:index"
CAMPAIGN_IMPACT_CAMPAIGN = f"{CAMPAIGN_IMPACT}:impact"  # args: campaign key
CAMPAIGN_IMPACT_RESPONSE_BOARD = f"{CAMPAIGN_IMPACT}:response_board"  # args: campaign key

CAMPAIGN_BUNDLE_IMPORT = f"{CAMPAIGN_BUNDLE}:import"
