package spotcheck

// NameChildren gives each record the name of the child it is about, as
// name tells it for the record's table, source file and row ("" when the
// record is not about a child). A record drawn from the findings already
// has the name the audit gave its finding (results.Finding.ChildName);
// name is asked only for the others. The checklist is for the FG, who may
// see names; a BSN is never part of one.
func (s *Sample) NameChildren(name func(table, file string, row int) string) {
	for i := range s.Records {
		r := &s.Records[i]
		if r.Child == "" {
			r.Child = name(r.Table, r.File, r.Row)
		}
	}
}
