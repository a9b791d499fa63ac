## Administration: the audit log's filters, paging and export

audit-lead-zone = Who changed what, newest first. Times are in the initiative's time zone ({ $zone }).
audit-filters = Filter the audit log
audit-any = Any
audit-from = From (day)
audit-to = To (day)
audit-filter = Show
audit-clear = Clear the filters
audit-csv = Download these lines as CSV
audit-none = No line of the log matches these filters.
audit-older = Older lines

## Administration: an account's role, clusters and organisation

flash-access-changed = Access changed: the account works with its new role from its next page.
users-access = Change access
users-access-label = Change the access of { $email }
users-access-title = Access of { $email }
users-access-lead = The role decides what the account may do; a cluster manager runs the clusters ticked below, a member speaks for one organisation. The change applies from the account's next page and is written to the audit log.
users-access-clusters = Clusters it manages (for a cluster manager)
users-access-save = Save the access
users-access-back = Back to the accounts
users-access-now = Now: { $role }
