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
