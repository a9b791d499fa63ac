# English: the reference catalogue. Every key here exists in fr.ftl and de.ftl with the same
# variables (tested in web::i18n). Keys are grouped by the page or part that shows them.

## Every page: skip link, navigation, language switcher, footer

skip-to-content = Skip to content
nav-label = Main
nav-directory = Directory
nav-find-partners = Find partners
nav-consortium = Consortium
nav-themes = Themes
nav-projects = Projects
nav-events = Events
nav-api = API
nav-audit-log = Audit log
nav-sign-in = Sign in
nav-sign-out = Sign out
nav-menu = Menu
nav-menu-label = Main menu
role-admin = administrator
role-manager = cluster manager
role-member = member
role-participant = participant
language-label = Language
language-switch = Change language
language-of-interface = Language of the interface
language-save = Save
language-browser = As my browser asks
footer-open-source = clusterbridge · open source (MIT OR Apache-2.0)
footer-data = Project and organisation data: CORDIS – EU research projects under FP7, Horizon 2020 and Horizon Europe, © European Union, licensed CC BY 4.0.
footer-demo = Cluster memberships in the demo are inferred and contact people are fictional.

## Confirmations after a form (flash messages)

flash-signed-in = Signed in.
flash-signed-out = Signed out.
flash-signed-out-everywhere = Signed out everywhere: every browser and every API token of this account is signed out.
flash-password-changed = Password changed. Every other browser and every API token of this account is signed out.
flash-token-revoked = API token revoked.
flash-profile-saved = Profile saved.
flash-organisation-created = Organisation created.
flash-organisation-deleted = Organisation deleted.
flash-person-added = Person added.
flash-person-removed = Person removed.
flash-contact-sent = Contact request sent.
flash-contact-accepted = Contact request accepted.
flash-contact-declined = Contact request declined.
flash-invitation-accepted = Invitation accepted.
flash-invitation-declined = Invitation declined.
flash-invitation-withdrawn = Invitation withdrawn.
flash-cluster-created = Cluster created.
flash-cluster-saved = Cluster saved.
flash-cluster-split = Cluster split: the new cluster is created.
flash-member-added = Member added.
flash-membership-ended = Membership ended.
flash-project-created = Project created.
flash-project-saved = Project saved.
flash-partner-saved = Partner saved.
flash-partner-removed = Partner removed.
flash-search-saved = Search saved.
flash-search-saved-named = Search “{ $name }” saved.
flash-search-deleted = Saved search deleted.
flash-search-seen = Saved search marked as seen.
flash-event-created = Event created.
flash-registered = You are registered for this event.
flash-round-table-joined = You joined the round table.
flash-round-table-left = You left the round table.
flash-meeting-sent = Meeting request sent.
flash-meeting-accepted = Meeting request accepted.
flash-meeting-declined = Meeting request declined.
flash-meeting-cancelled = Meeting cancelled.
flash-meeting-status-saved = Meeting status saved.
flash-feedback-saved = Feedback saved.
flash-round-tables-saved = Round tables saved.
flash-check-in-saved = Check-in saved.
flash-meeting-lock-saved = Meeting saved.
flash-participant-added = Participant added.
flash-language-saved = Interface language saved.
flash-meeting-withdrawn = Meeting request withdrawn.
flash-meeting-not-sent = Meeting request not sent.
flash-meeting-not-sent-because = Meeting request not sent: { $reason }.

## Home page

home-title = Clusters
home-heading = Clusters at a glance
home-lead = { $organisations ->
        [0] No organisations
        [one] One organisation
       *[other] { $organisations_text } organisations
    }, { $projects ->
        [0] no projects
        [one] one project
       *[other] { $projects_text } projects
    } and { $clusters ->
        [0] no clusters
        [one] one cluster
       *[other] { $clusters_text } clusters
    }. Members find partners across clusters, meet at the Cluster Forum and start projects together.
home-demo-notice = Demo data: organisations and projects are real (CORDIS, © European Union, CC BY 4.0); cluster memberships were inferred from project texts and are marked as such.
home-members = members
home-projects = projects
home-meter-label = members compared with the largest cluster
home-empty = No clusters yet. An agency administrator creates them.
home-empty-demo = This command loads the Luxembourg demo:
home-new-cluster = New cluster
home-new-organisation = New organisation
cluster-status-active = active
cluster-status-merged = merged
cluster-status-split = split
cluster-status-archived = archived

## Events list

events-title = Events
events-lead = The Cluster Forum and other events, with one-to-one business meetings scheduled for everyone at once.
events-new = New event
events-none = No events yet.
event-status-open = open
event-status-completed = completed

## Sign-in page

login-title = Sign in
login-email = E-mail
login-password = Password
login-submit = Sign in
login-wrong = Wrong e-mail or password.
login-disabled = This account is disabled.
login-too-many = Too many attempts: try again in { $seconds } seconds.
login-demo-accounts = Demo accounts:
login-demo-manager-clusters = manager of the clusters Space and Materials & Manufacturing
login-demo-password = password

## Error pages

error-title-400 = Bad Request
error-title-401 = Unauthorized
error-title-403 = Forbidden
error-title-404 = Not Found
error-title-405 = Method Not Allowed
error-title-409 = Conflict
error-title-413 = Payload Too Large
error-title-422 = Unprocessable Content
error-title-429 = Too Many Requests
error-title-500 = Internal Server Error
error-title-503 = Service Unavailable
error-sign-in-first = Please sign in to continue.
error-forbidden = Your account may not do this.
error-internal = Something went wrong on our side. It has been logged.
error-back-home = Back to the clusters
error-search-directory = Search the directory

## Directory

directory-title = Directory
directory-lead = Search organisations by name, city, competence or the words of their projects; narrow by cluster, kind and country.
directory-search = Search
directory-search-placeholder = e.g. satellite, hydrogen, Esch-sur-Alzette
directory-filters-label = Filters
directory-filters = Filters:
directory-remove-filter = remove this filter
directory-cluster = Cluster
directory-kind = Kind
directory-country = Country
directory-organisations = Organisations
directory-organisation = Organisation
directory-clusters = Clusters
directory-projects = Projects
directory-pages = Pages
directory-previous = Previous
directory-next = Next
directory-page-of = Page { $page } of { $pages }
directory-count = { $total ->
        [one] { $total_text } organisation.
       *[other] { $total_text } organisations.
    }
directory-count-matching = { $total ->
        [one] { $total_text } organisation matches “{ $query }”.
       *[other] { $total_text } organisations match “{ $query }”.
    }
org-kind-company = Company
org-kind-research = Research organisation
org-kind-university = University
org-kind-public = Public body
org-kind-other = Other

## Organisation page

org-sme = SME
org-pic = PIC
org-edit = Edit profile
org-delete = Delete
org-website = Website
org-offers = Offers
org-needs = Needs
org-competences = Competences
org-languages = Languages
org-updated = Last updated
org-projects = Projects
org-no-projects = No projects recorded.
org-project = Project
org-project-role = Role
org-project-start = Start
org-memberships = Memberships
org-no-memberships = Not a member of any cluster.
org-membership-inferred = inferred
org-membership-declared = declared
org-membership-ended = ended
org-invitations = Invitations
org-invited = invited
org-accept = Accept
org-decline = Decline
org-invitation-waiting = Invitation sent, waiting for the organisation.
org-contacts = Contacts
org-no-contacts = No contact people listed.
org-fictional = fictional
org-email-colon = E-mail:
org-phone-colon = Phone:
org-hidden = hidden ({ $rule })
org-visible-public = public
org-visible-members = for members
org-visible-managers = for cluster managers
org-visible-on-agreement = shared after an accepted contact request
org-ask-contact = Ask for contact
org-ask-contact-placeholder = Why you would like to talk
org-send-contact = Send contact request
org-remove-person = Remove
org-add-person = Add a contact person
org-person-name = Name
org-person-role = Role
org-person-email = E-mail
org-person-email-visible = E-mail visible to
org-person-phone = Phone
org-person-phone-visible = Phone visible to
org-add-person-submit = Add person
org-choice-members = Members of the initiative
org-choice-public = Everyone
org-choice-managers = Cluster managers
org-choice-on-agreement = Only after I accept a request
org-fits = Clusters that suit it
org-no-fits = No cluster's themes appear in its projects.
org-fit = { $percent }% fit
org-fit-reason = { $backing_text } of { $total_text } projects { $backing ->
        [one] mentions
       *[other] mention
    } { $words }
org-partners = Frequent partners
org-partners-shared = shared
org-meet = Who it should meet
org-meet-lead = Organisations whose work matches this one's and that it has not worked with yet, biased towards other clusters.
org-meet-show = Show them
org-meet-own-text = Search with your own text
org-track-record = Took part in { $count ->
        [one] { $count_text } project
       *[other] { $count_text } projects
    }{ $programmes }.
org-track-record-in = Took part in { $count ->
        [one] { $count_text } project
       *[other] { $count_text } projects
    }{ $programmes }, started in { $year }.
org-track-record-between = Took part in { $count ->
        [one] { $count_text } project
       *[other] { $count_text } projects
    }{ $programmes }, started { $from }–{ $to }.
project-role-coordinator = coordinator
project-role-participant = participant
project-role-partner = partner
project-role-associated-partner = associated partner
project-role-third-party = third party
project-role-international-partner = international partner

## Find partners

partners-title = Find partners
partners-lead = Describe what you need, or paste a call text. Organisations are ranked by what their projects were about, who they worked with and how recently; every suggestion says why.
partners-need = Need or call text
partners-any-cluster = Any cluster
partners-any-kind = Any kind
partners-country-placeholder = Country, e.g. LU
partners-sme-any = SME or not
partners-sme-only = SMEs only
partners-sme-none = No SMEs
partners-submit = Find partners
partners-count = { $count ->
        [one] { $count_text } suggestion
       *[other] { $count_text } suggestions
    }
partners-save-name-label = Name of the saved search
partners-save-name-placeholder = Name this search to be alerted of new or changed matches
partners-save = Save search
partners-bridge = bridge

## Cluster page

cluster-merged-into = This cluster was merged into
cluster-managed-by = Managed by
cluster-edit = Edit cluster
cluster-split = Split cluster
cluster-members = Members
cluster-inferred-before = Memberships marked
cluster-inferred = inferred
cluster-inferred-after = were deduced from project texts (demo data), not declared by the organisation.
cluster-declared = declared
cluster-membership = Membership
cluster-since = since
cluster-end-membership = End
cluster-add-label = Organisation (name or id)
cluster-add-placeholder = Organisation to add as a member: its name or id
cluster-add = Add member
cluster-invite-placeholder = Organisation to invite: its name or id
cluster-invite = Invite to join
cluster-invited = Invited
cluster-invited-lead = An organisation joins when its own account (or an admin) accepts; until then you manage nothing of it.
cluster-invited-waiting = invitation sent, waiting for the organisation
cluster-withdraw-label = Withdraw the invitation of
cluster-withdraw = Withdraw
cluster-programme = Programme
cluster-all-projects = { $count ->
        [one] The only project of this cluster
       *[other] All { $count_text } projects of this cluster
    }
cluster-bridges = Bridges to other clusters
cluster-bridges-lead = Clusters whose members share projects with this cluster's members.
cluster-no-bridges = No shared projects yet.
cluster-shared-projects = { $count ->
        [one] { $count_text } shared project
       *[other] { $count_text } shared projects
    }
cluster-history = History

## Event page

event-registered = { $count ->
        [one] { $count_text } registered
       *[other] { $count_text } registered
    }
event-organise = Organise: requests, schedule, table plan
event-whom-to-meet = Whom to meet
event-my-requests = My requests
event-my-agenda = My agenda
event-my-availability = My availability
event-register = Register
event-my-meeting-requests = My meeting requests
event-requests-none = None yet:
event-find-whom = find whom to meet
event-requests-sent = { $count ->
        [one] { $count_text } sent
       *[other] { $count_text } sent
    }
event-requests-received = { $count ->
        [one] { $count_text } received
       *[other] { $count_text } received
    }
event-requests-waiting = { $count ->
        [one] { $count_text } waiting for your answer
       *[other] { $count_text } waiting for your answer
    }
event-requests-accepted = { $count ->
        [one] { $count_text } accepted
       *[other] { $count_text } accepted
    }
event-see-requests = See and answer them
event-participants = Participants
event-participants-more = { $count ->
        [one] and { $count_text } more
       *[other] and { $count_text } more
    }
event-search-participants = Search the participants: whom to meet
event-round-tables = Themed round tables
event-round-table-join = I'd like a round table
event-no-round-tables = No round tables formed yet.
event-round-table-also = also
event-programme = Agenda
event-slots = Meeting slots
event-minutes = min
participant-status-registered = registered
participant-status-waiting = waiting list

## Whom to meet (an event's participants) and my meeting requests

participants-title = Whom to meet
participants-lead = The participants of { $event } and what their organisations offer and look for.
participants-lead-registered = Ask for a meeting in one click; a short message helps them say yes.
participants-register-before = Register on
participants-event-page = the event's page
participants-register-after = to ask participants for meetings.
participants-sign-in-link = Sign in
participants-sign-in-after = and register to ask participants for meetings.
participants-search-placeholder = Name, offer, need…
participants-any-country = Any country
participants-not-asked = Not yet asked
participants-show = Show
participants-count = { $count ->
        [one] { $shown_text } of { $count_text } participant.
       *[other] { $shown_text } of { $count_text } participants.
    }
participants-guest = Guest
participants-looks-for = Looks for
participants-message = Message (optional)
participants-message-placeholder = Why meet?
participants-request = Request a meeting
participants-last-request = Last request
participants-request-word = Request
participants-they-asked = They asked you
participants-see-requests = See my requests
participants-none = No participant matches these filters.
request-state-sent = sent
request-state-received = received
request-state-accepted = accepted
request-state-declined = declined
request-state-expired = expired
request-state-withdrawn = withdrawn
requests-not-registered = You are not registered for { $event }: register on
requests-not-registered-after = , then find whom to meet.
requests-find-whom = Find whom to meet
requests-received = Received
requests-none-received = Nobody has asked you yet.
requests-sent = Sent
requests-undo = Undo request
quote-open = “
quote-close = ”

## My agenda

agenda-of = Agenda of
agenda-calendar = Add to your calendar (iCalendar)
agenda-calendar-after = — moved meetings update in place.
agenda-none = No meetings yet:
agenda-no-slot = No slot yet
agenda-meeting-with = Meeting with
agenda-table = table
agenda-moment-unplaced = accepted, waiting for a slot
agenda-moment-upcoming = scheduled
agenda-moment-now = happening now
agenda-moment-over = slot over
agenda-moment-held = held
agenda-moment-no-show = no-show
agenda-moment-cancelled = cancelled
agenda-unplaced-note = The organisers place accepted meetings when they schedule the event.
agenda-how-was-it = How was it?
agenda-outcome-cooperation-possible = cooperation possible
agenda-outcome-informative = informative
agenda-outcome-no-interest = no interest
agenda-outcome-did-not-take-place = did not take place
agenda-send-feedback = Send feedback
agenda-cancel-meeting = Cancel meeting
session-kind-session = session
session-kind-keynote = keynote
session-kind-testimonials = testimonials
session-kind-round-table = round table
session-kind-meetings = meetings
session-kind-networking = networking

## Projects list and project page

projects-title = Projects
projects-new = New project
projects-search-label = Search projects
projects-search-placeholder = Words in the acronym, title or call topic
projects-status = Status
projects-count = { $count ->
        [one] { $count_text } project.
       *[other] { $count_text } projects.
    }
project-kind-common = common
project-kind-flagship = flagship
project-kind-eu-funded = EU-funded
project-kind-long-common = common project
project-kind-long-flagship = flagship project
project-kind-long-eu-funded = EU-funded project
project-status-planned = planned
project-status-running = running
project-status-completed = completed
project-edit = Edit project
project-dates = Dates
project-dates-between = { $from } to { $to }
project-dates-from = from { $from }
project-dates-until = until { $to }
project-dates-unknown = not known
project-budget = Budget
project-budget-eur = €{ $amount }
project-topic = Call topic
project-summary = Summary
project-partners = Partners
project-partner-id = Organisation id
project-partner-placeholder = Organisation id to add as a partner
project-add-partner = Add partner

## Cross-cluster themes and an organisation's recommendations

themes-title = Cross-cluster themes
themes-lead = Topics that members of several clusters work on, with the members behind each theme in each cluster. Generic words are left out; a theme ranks higher the more specific it is and the more members and clusters share it. Each theme is a ready reason to bring these members together.
themes-none = No theme is shared by two clusters yet.
themes-clusters = clusters
themes-find = Find partners on
recs-title = Who { $name } should meet
recs-lead = Organisations whose work matches this one's and that it has not worked with yet; those in none of its clusters get a bonus
recs-share = ({ $percent }% of these are in other clusters)
recs-none = Not enough profile or project text to suggest partners yet.

## Consortium builder

consortium-title = Consortium builder
consortium-lead = Paste a call text and say which partners the call needs. The builder proposes a team that covers them, shows what is still missing, and lets you swap anyone out.
consortium-call = Call text or project idea
consortium-needed = Partners needed, by kind
consortium-kind-university = Universities
consortium-kind-research = Research organisations
consortium-kind-company = Companies
consortium-kind-sme = SMEs
consortium-kind-public = Public bodies
consortium-kind-other = Others
consortium-kinds-help = How many of each kind the call needs; leave empty for none.
consortium-min-countries = At least this many countries
consortium-submit = Propose a team
consortium-proposed = Proposed team
consortium-countries = { $count ->
        [one] { $count_text } country
       *[other] { $count_text } countries
    }
consortium-covered = Every required role and the country target are covered.
consortium-missing = Still missing:
consortium-why = Why
consortium-swap = Swap
consortium-keep = Keep
consortium-role-university = university
consortium-role-research = research organisation
consortium-role-company = company
consortium-role-sme = SME
consortium-role-public = public body
consortium-role-other = other
