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
nav-sign-up = Sign up
nav-analytics = Analytics
nav-admin = Administration
nav-accounts = Accounts
nav-outbox = Outbox
nav-your-organisation = Your organisation
nav-join-requests = Requests to join
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
footer-api = JSON API and its OpenAPI description
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
flash-reset-link-sent = If an account uses this address, a link to set a new password is on its way. It works once, for one hour.
flash-password-reset = New password set. Every session of this account has ended: sign in with the new password.
flash-unsubscribed = Unsubscribed: no more mail of this kind will be sent to this address.
flash-test-mail-queued = Test mail written to the outbox.
flash-sign-up-sent = Thank you. A mail to confirm the address is on its way; its link works for 24 hours.
flash-address-confirmed = Address confirmed: your account is ready. Now tell us which organisation you represent.
flash-join-requested = Request sent: a cluster manager will answer it, and you will get a mail.
flash-join-approved = Request approved; the person gets a mail.
flash-join-declined = Request declined; the person gets a mail.
flash-user-invited = Invitation sent: the person sets a password with the mailed link.
flash-account-disabled = Account disabled: its sessions and API tokens have ended.
flash-account-enabled = Account enabled.
flash-reset-sent = A link to set a new password was mailed to the account.
flash-tokens-revoked = Every API token of the account is revoked.

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
login-forgot = Forgotten password?
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

## Table plan printout

print-title = Table plan
print-organise = Organise
print-heading = Table plan of
print-help = Print this page with your browser (Ctrl+P or ⌘P): each slot prints on its own page, for the desk and the room.
print-tables = { $count ->
        [one] { $count_text } table
       *[other] { $count_text } tables
    }
print-no-meetings = No meetings in this slot.
print-meetings-at = Meetings at
print-table = Table
print-meeting = Meeting
print-no-slots = No meeting slots.
meeting-status-scheduled = scheduled
meeting-status-held = held
meeting-status-no-show = no-show
meeting-status-cancelled = cancelled

## Availability

availability-of = Availability of
availability-lead = The scheduler places meetings only in the slots marked available. Changes apply at the next scheduling run; a meeting already placed in a slot you give up moves then.
availability-saved = { $available ->
        [one] Saved: available in { $available_text } of { $count_text } slots.
       *[other] Saved: available in { $available_text } of { $count_text } slots.
    }
availability-arrival = I arrive for the slot
availability-first-slot = the first slot
availability-departure = I leave after the slot
availability-last-slot = the last slot
availability-sessions = Meeting sessions I attend
availability-slots = Slots
availability-slot = Slot
availability-session = Session
availability-blocked = Blocked
availability-now = Now
availability-blocked-at = Blocked at
availability-available = available
availability-not-available = not available
availability-save = Save availability

## Organising an event

organise-lead = Organisers see every request and meeting, never the messages between participants. Held and locked meetings never move; a re-plan moves as few published meetings as it can.
organise-over = This event is over: its table plan stays as it was held, and nothing is scheduled any more.
organise-schedule = Schedule all accepted meetings
organise-report = Placed { $placed } of { $requests } meetings (weight { $weight } of at most { $bound }: { $ratio }% of what is possible). Worst shortfall { $shortfall }, breaks { $breaks }{ $minimal }, moved { $moved }.
organise-breaks-minimal = (the fewest possible)
organise-moved-by = Moved meetings by participant:
organise-feedback = Feedback after the meetings
organise-print = Print the table plan (one slot per page)
organise-no-meetings = No meetings.
organise-on-the-day = On the day
organise-locked = locked
organise-status-of = Status of the meeting at table
organise-mark = Mark
organise-unlock = Unlock
organise-lock = Lock here
organise-not-placed = Not placed
organise-tables-per-slot = Tables per slot
organise-tables-help = { $count ->
        [one] Empty: the event's { $count_text } table. 0 closes a slot for meetings.
       *[other] Empty: the event's { $count_text } tables. 0 closes a slot for meetings.
    }
organise-tables = Tables
organise-tables-at = Tables at
organise-save-tables = Save tables
organise-participant = Participant
organise-availability = Availability
organise-desk = Desk
organise-ruled-out = { $count ->
        [0] every slot
        [one] { $count_text } slot ruled out
       *[other] { $count_text } slots ruled out
    }
organise-checked-in = checked in
organise-undo = Undo
organise-check-in = Check in
organise-add-participant = Add a participant
organise-add-help = A guest from outside the clusters, or a representative registered by the organisers. Leave the organisation empty for a guest.
organise-participant-name = Participant name
organise-organisation-placeholder = Organisation: name or id (optional)
organise-add-submit = Add participant
organise-requests = Requests
organise-from = From
organise-to = To
organise-priority = Priority
request-state-pending = pending

## Forms: new and edit pages of organisations, projects, clusters and events

form-correct = Please correct the fields below.
form-save = Save
form-cancel = Cancel
form-edit-named = Edit { $name }
form-edit-organisation = Edit organisation
field-name = Name
field-slug = Short name in addresses
field-slug-help-cluster = Lower-case letters, digits and dashes, e.g. space
field-slug-help-event = Lower-case letters, digits and dashes, e.g. cluster-forum-2027
field-sector = Sector
field-description = Description
field-event-name-help = e.g. Luxembourg Cluster Forum 2027
field-starts-on = First day
field-venue = Venue
field-clusters = Clusters
field-clusters-help = Their managers organise the event.
field-tables = Tables
field-tables-help = Meeting tables per slot (each slot may open fewer later)
field-capacity = Capacity
field-capacity-help = Registrations past it join a waiting list
field-request-ttl = Hours before an unanswered request expires
field-empty-72 = Empty: 72
field-max-requests = Requests one participant may send
field-empty-20 = Empty: 20
field-max-meetings = Meetings one participant may accept
field-empty-no-cap = Empty: no cap
field-agenda = Agenda
field-agenda-help = One session per line: HH:MM-HH:MM Title (kind), e.g. 09:00-09:45 Welcome and keynote (keynote)
field-programme = Meeting programme
field-programme-help = One block of slots per line: [YYYY-MM-DD] SESSION HH:MM MINUTES COUNT, e.g. afternoon 14:00 20 9
field-title = Title
field-acronym = Acronym
field-kind = Kind
field-summary = Summary
field-start-date = Start date
field-end-date = End date
field-date-help = YYYY-MM-DD
field-budget = Budget (EUR)
field-programme-name = Programme
field-programme-name-help = e.g. Horizon Europe
field-topic = Call topic
field-project-clusters = Clusters involved
field-project-clusters-help = Cluster short names separated by ; e.g. space; ict
field-external-grant = External id (e.g. grant number)
field-project-kind-common = Common project
field-project-kind-flagship = Flagship project
field-project-kind-eu-funded = EU-funded project
field-short-name = Short name
field-sme = SME (companies only)
field-not-stated = Not stated
field-yes = Yes
field-no = No
field-country = Country
field-country-help = ISO 3166 code, e.g. LU
field-city = City
field-website = Website
field-website-help = https://…
field-offers = What you offer
field-needs = What you are looking for
field-tags = Competences
field-tags-help = Separated by ; e.g. composites; 3D printing
field-languages = Languages
field-languages-help = ISO 639-1 codes, e.g. en; fr; de; lb
field-external-pic = External id (e.g. EU PIC)
cluster-split-of = Split
cluster-split-lead = A new cluster is made; the members you tick move to it (their memberships here end today). Both histories say so.
cluster-split-members = Members that move to the new cluster
cluster-split-no-members = This cluster has no current members.
cluster-split-submit = Split

## Audit log and API pages

audit-when = When
audit-who = Who
audit-action = Action
audit-what = What
audit-detail = Detail
api-title = JSON API
api-lead-json = Everything the pages show is also available as JSON under
api-lead-description = The machine-readable description is
api-write = Reading public data needs no account. To write, send
api-semicolon = ;
api-tokens = an admin issues tokens with
api-lists = Lists answer
api-pages = pages count from 1,
api-per-page = defaults to 20 and is at most 100.
api-errors = Validation errors answer 422 with
api-parameters = Parameters:
api-body = Body:
api-answers = Answers:

## Your account

account-title = Your account
account-clusters-managed = Clusters you manage
account-invitations = Invitations into clusters
account-invitations-lead = A cluster's managers invited your organisation. Accepting makes it a member: they can then edit its profile and see the contact details marked “managers”.
account-accept-invitation = Accept the invitation into
account-decline-invitation = Decline the invitation into
account-saved-searches = Saved searches
account-saved-searches-lead = New or changed organisations that match a saved search appear here until you mark them as seen.
account-no-saved-searches = None yet: save one from
account-nothing-new = nothing new
account-new-or-changed = { $count ->
        [one] { $count_text } new or changed
       *[other] { $count_text } new or changed
    }
account-run-search = run it
account-mark-seen = Mark as seen
account-contact-requests = Contact requests to answer
account-contact-requests-lead = Accepting a request reveals the contact details marked “on agreement” to the person who asked.
account-none = None.
account-asks-to-contact = asks to contact
account-colon = :
contact-state-pending = pending
contact-state-accepted = accepted
contact-state-declined = declined
account-tokens = API tokens
account-tokens-lead = Programs act as you with these tokens. Each is shown once when it is made; revoke one you no longer use or may have lost.
account-token-created = Created
account-token-id = Id
account-revoke = Revoke
account-revoke-token = Revoke token
account-current-password = Current password
account-new-password = New password
account-password-help = At least 10 characters and hard to guess: a few unrelated words work well. Changing it signs out every other browser and ends every API token.
account-change-password = Change password
account-sign-out-everywhere = Sign out everywhere
account-sign-out-everywhere-lead = Ends every session of this account, in this browser too, and every API token.

## Country names (Europe and the most frequent partner countries; others are shown in English)

country-at = Austria
country-be = Belgium
country-bg = Bulgaria
country-hr = Croatia
country-cy = Cyprus
country-cz = Czechia
country-dk = Denmark
country-ee = Estonia
country-fi = Finland
country-fr = France
country-de = Germany
country-gr = Greece
country-hu = Hungary
country-ie = Ireland
country-it = Italy
country-lv = Latvia
country-lt = Lithuania
country-lu = Luxembourg
country-mt = Malta
country-nl = Netherlands
country-pl = Poland
country-pt = Portugal
country-ro = Romania
country-sk = Slovakia
country-si = Slovenia
country-es = Spain
country-se = Sweden
country-is = Iceland
country-li = Liechtenstein
country-no = Norway
country-ch = Switzerland
country-gb = United Kingdom
country-tr = Türkiye
country-il = Israel
country-ua = Ukraine
country-rs = Serbia
country-al = Albania
country-ba = Bosnia and Herzegovina
country-me = Montenegro
country-mk = North Macedonia
country-md = Moldova
country-ge = Georgia
country-am = Armenia
country-tn = Tunisia
country-ma = Morocco
country-xk = Kosovo
country-fo = Faroe Islands
country-us = United States
country-ca = Canada
country-jp = Japan
country-cn = China
country-kr = South Korea
country-in = India
country-br = Brazil
country-au = Australia
country-za = South Africa
country-nz = New Zealand
country-sg = Singapore
country-ru = Russian Federation
country-xx = Unknown country

## Sign-up pages: the form, the confirmation link, your organisation

signup-lead = Make an account, confirm your address, then tell us which organisation you represent: a cluster manager approves it.
signup-your-name = Your name
signup-password-help = At least 10 characters, hard to guess.
signup-accept-terms = I accept the terms of use: my name, address and what I write are kept to run this service, and shown as my visibility choices say.
signup-have-account = Already have an account?
signup-confirm-title = Confirm your address
signup-confirm-lead = One click, and your account is ready.
signup-confirm-submit = Confirm my address
signup-link-used = This link was used already: your address is confirmed. Sign in.
signup-link-expired = This link has expired: a link works for 24 hours. Please sign up again.
signup-link-unknown = This link is not known. Check that it was copied whole, or sign up again.
signup-org-your-requests = Your requests
signup-org-lead = Until a cluster manager approves, you see what everyone sees, plus your own account.
signup-org-claim = Claim an organisation already listed
signup-org-represent = I represent { $name }
signup-org-none-found = No organisation's name contains “{ $query }”.
signup-org-or-new = Or add a new organisation
signup-org-country = Country (two-letter code)
signup-org-clusters = Clusters to join
signup-org-submit = Ask to join
join-state = State
join-message = Message
join-to-represent = (to represent it)
join-state-pending = pending
join-state-approved = approved
join-state-declined = declined

## Forgotten password, new password and unsubscribe pages

forgot-title = Forgotten password
forgot-lead = Enter the e-mail address of your account. If an account uses it, we send it a link to set a new password; the link works once, for one hour.
forgot-submit = Send me a link
forgot-back = Back to sign in
reset-title = Set a new password
reset-lead = At least 10 characters, hard to guess. Setting it signs this account out everywhere.
reset-password-again = New password again
reset-submit = Set the new password
reset-entries-differ = password again: the two entries differ
reset-refused-title = Link not usable
reset-refused-heading = This link cannot be used
reset-ask-new-link = Ask for a new link
reset-link-used = This link was used already. Each link sets a password once: ask for a new one below.
reset-link-expired = This link has expired: a link works for one hour. Ask for a new one below.
reset-link-unknown = This link is not known. Check that it was copied whole, or ask for a new one below.
unsubscribe-title = Unsubscribe
unsubscribe-lead = Stop receiving this kind of mail at this address? Mail about your account's security (password resets, address confirmations) is still sent.

## Requests to join (managers and admins)

join-lead = People who signed up and ask to represent an organisation in your clusters. Your answer and its message are mailed to them.
join-asks-claim = { $email } asks to represent { $organisation } (since { $since }).
join-asks-new = { $email } asks for the new organisation { $organisation } to join { $cluster } (since { $since }).
join-message-to = Message to { $name }
join-approve = Approve
join-none = No request waits for you.

## Accounts (admins)

users-invite-title = Invite someone
users-role = Role
users-invite-member = Member (represents an organisation)
users-invite-manager = Cluster manager
users-invite-participant = Event participant
users-invite-admin = Admin
users-invite-cluster = Cluster (for a manager)
users-invite-organisation = Organisation, by name or id (for a member)
users-invite = Invite
users-every-account = Every account
users-email-contains = E-mail contains
users-since = Since
users-actions = Actions
users-disabled = (disabled)
users-enable = Enable
users-disable = Disable
users-disable-label = Disable { $email }
users-revoke-tokens = Revoke API tokens
users-revoke-label = Revoke the API tokens of { $email }
users-send-reset = Send a reset
users-role-admin = admin
users-role-manager = manager
users-role-member = member
users-role-participant = participant

## Outbox (admins)

outbox-lead = Every mail the app wrote, newest first: { $waiting_text } waiting, { $sent_text } { $sent ->
       *[other] sent
    }.
outbox-no-smtp-before = Without an SMTP server
outbox-no-smtp-after = mail waits here.
outbox-recipient = Recipient
outbox-filter = Filter
outbox-test-to = Send a test mail to
outbox-send = Send
outbox-written = Written
outbox-to = To
outbox-subject = Subject
outbox-security-mail = security mail
outbox-no-mail = No mail.
outbox-state-sent = sent { $when }
outbox-state-waiting = waiting
outbox-state-retrying = { $count ->
        [one] waiting: { $count_text } attempt, next { $next }
       *[other] waiting: { $count_text } attempts, next { $next }
    }

## Collaboration analytics

analytics-heading-initiative = Collaboration analytics: the initiative
analytics-heading-cluster = Collaboration analytics: { $cluster }
analytics-lead-before = Computed from the registry's own data; every figure is defined in the project's
analytics-lead-after = . Where memberships are inferred (as in the demo), figures per cluster partly reflect the rule that inferred them.
analytics-period = Period
analytics-from = From
analytics-to = to
analytics-show = Show
analytics-csv = Numbers as CSV:
analytics-kpis = KPIs of the strategy
analytics-kpi = KPI
analytics-initiative-per-year = The initiative, per year
analytics-cluster-per-year = { $cluster }, per year
analytics-clusters-compared = Clusters compared, { $year }
analytics-matrix = Collaboration between clusters
analytics-heat-title = Joint projects and held meetings between clusters
analytics-heat-desc = Each cell is a pair of clusters; the number is their joint projects plus held meetings over { $from }–{ $to }, darker is more (most: { $max }). The table below gives every figure.
analytics-pairs-caption = Pairs of clusters over the period (change against the period before)
analytics-joint-projects = Joint projects
analytics-held-meetings = Held meetings
analytics-shared-members = Shared members
analytics-the-initiative = the initiative
analytics-outside-partners = outside partners ({ $partners })
analytics-bridges = Bridging organisations
analytics-bridges-lead = Betweenness on the members' graph (projects and held meetings you may see), with the main brokerage role between clusters.
analytics-betweenness = Betweenness
analytics-isolated = Isolated members
analytics-isolated-lead = No project and no held meeting with another cluster in the last three years; the matchmaker's suggestions for the first ones.
analytics-member = Member
analytics-last-across = Last across clusters
analytics-suggested = Suggested partners
analytics-never = never
analytics-communities = Communities
analytics-communities-lead = Leiden communities of the collaboration graph (joint projects, resolution 1), modularity { $modularity }: where real collaboration cuts across the clusters.
analytics-community = Community
analytics-members-per-cluster = Members per cluster
analytics-non-members = Non-members
analytics-most-connected = Most connected
analytics-funnel = From meeting to project
analytics-event-or-cluster = Event or cluster
analytics-event = event { $event }
analytics-requested = Requested
analytics-accepted = Accepted
analytics-held = Held
analytics-cooperation-possible = Cooperation possible
analytics-follow-up = Follow-up
analytics-joint-project = Joint project
analytics-median-days = Median days to project
analytics-whole-for-admins = Figures of the whole initiative are for admins.

## Collaboration analytics: the strategy's fields and KPIs

analytics-field-business-development = Business development
analytics-field-internationalisation = Internationalisation
analytics-field-flagship-projects = Flagship projects
analytics-field-branding = Branding
analytics-field-prospection-promotion = Prospection promotion
analytics-kpi-members = Members
analytics-kpi-new-members = New members
analytics-kpi-active-members = Active members
analytics-kpi-meetings-held-per-member = Meetings held per member
analytics-kpi-meeting-requests-sent = Meeting requests sent
analytics-kpi-meeting-requests-accepted = Meeting requests accepted
analytics-kpi-projects-started = Projects started
analytics-kpi-foreign-partner-project-share = Foreign partner project share
analytics-kpi-partner-countries = Partner countries
analytics-kpi-cross-border-meetings = Cross border meetings
analytics-kpi-flagship-projects-started = Flagship projects started
analytics-kpi-common-projects-started = Common projects started
analytics-kpi-flagship-common-budget-eur = Flagship common budget eur
analytics-kpi-multi-cluster-share = Multi cluster share
analytics-kpi-profile-completeness = Profile completeness
analytics-kpi-profiles-fresh-share = Profiles fresh share
analytics-kpi-events = Events
analytics-kpi-participants = Participants
analytics-kpi-guests = Guests
analytics-kpi-guests-became-members = Guests became members
analytics-kpi-meetings-per-participant = Meetings per participant
