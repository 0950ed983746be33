package main

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/avgaudit/avgaudit/audience"
	"github.com/avgaudit/avgaudit/audit"
	"github.com/avgaudit/avgaudit/reports"
	"github.com/avgaudit/avgaudit/results"
)

// prevAsOf is the reference date of last year's audit. The sample keeps its
// results (not its exports) in historyFile, so an audit of the sample shows
// a trend.
var prevAsOf = day(2025, 9, 1)

// historyFile is last year's results, relative to the sample directory.
const historyFile = "historie/2025-09-01.json"

// lastYear builds the organisation as its exports stood on prevAsOf: the
// same children, staff and records under the same ids, cut back to what
// existed then and in the state it had then, plus a few records that were
// there last year and have been fixed or deleted since (see rewind).
func lastYear() *Org {
	o := build()
	o.rewind()
	return o
}

// writeHistory audits last year's exports, written to a temporary
// directory, as of prevAsOf, and writes the results with full record keys
// (audience fg: the data is synthetic) to historyFile under dir.
func writeHistory(dir string) (*results.Run, error) {
	tmp, err := os.MkdirTemp("", "avgaudit-sample-2025-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	last := lastYear()
	if _, err := last.write(tmp); err != nil {
		return nil, fmt.Errorf("write last year's exports: %w", err)
	}
	run, err := audit.Audit(context.Background(), audit.Options{Source: os.DirFS(tmp), Dir: ".", AsOf: prevAsOf})
	if err != nil {
		return nil, fmt.Errorf("audit last year's exports: %w", err)
	}
	defer run.Close()
	if run.Summary.RowsRejected > 0 {
		return nil, fmt.Errorf("last year's exports: %d rows rejected: %+v", run.Summary.RowsRejected, run.Rejects)
	}
	if err := last.checkResolved(run); err != nil {
		return nil, err
	}
	run.Audience = results.AudienceFG
	path := filepath.Join(dir, filepath.FromSlash(historyFile))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := (reports.JSONReporter{}).Write(f, audience.FG(run), reports.Options{}); err != nil {
		f.Close()
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return run.Flat(), f.Close() // in memory: the store is closed on return
}

// keep returns the elements of xs for which ok is true, in order.
func keep[T any](xs []T, ok func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if ok(x) {
			out = append(out, x)
		}
	}
	return out
}

// rewind turns o, the organisation on asOf, into the organisation on
// prevAsOf. Records dated after prevAsOf go; end dates, withdrawals and
// answers after it are not there yet; this year's reconfirmation round is
// undone and last year's played instead. It plants the records that were
// findings last year and are gone or fixed by now, and books their keys
// in o.resolved. It draws from its own generator, so the current
// organisation stays as it is.
func (o *Org) rewind() {
	t := prevAsOf
	cut := t.AddDate(0, 0, 1) // a record dated on the reference date was there
	then := func(d time.Time) bool { return d.Before(cut) }
	future := func(d *time.Time) {
		if !then(*d) {
			*d = time.Time{}
		}
	}
	back := func(d *time.Time) { // a last login of this year: a year earlier
		for !then(*d) {
			*d = d.AddDate(-1, 0, 0)
		}
	}
	o.ref = t
	o.Accepted = nil // the register of accepted risks was started this year
	r := rand.New(rand.NewPCG(seedHi-1, seedLo))

	o.Children = keep(o.Children, func(c *Child) bool { return then(c.Start) })
	for _, c := range o.Children {
		future(&c.End)
	}
	o.Invoices = keep(o.Invoices, func(inv *Invoice) bool { return then(inv.Date) && then(inv.Child.Start) })
	o.Staff = keep(o.Staff, func(s *Staff) bool { return then(s.Start) })
	for _, s := range o.Staff {
		future(&s.End)
	}
	o.rewindPortal(t, then, future, back, r)
	o.Tracking = keep(o.Tracking, func(tc *TrackingChild) bool { return then(tc.Child.Start) })
	for _, tc := range o.Tracking {
		future(&tc.Archived)
	}
	o.Observations = keep(o.Observations, func(ob *Observation) bool { return then(ob.Date) })
	o.Transfers = keep(o.Transfers, func(tr *Transfer) bool { return then(tr.Sent) })
	o.Accounts = keep(o.Accounts, func(a *Account) bool { return a.Staff == nil || then(a.Staff.Start) })
	for _, a := range o.Accounts {
		if a.Staff != nil && a.Staff.employed(t) {
			a.Active = true
		}
		back(&a.LastLogin)
	}
	o.Requests = keep(o.Requests, func(q *Request) bool { return then(q.Received) })
	for _, q := range o.Requests {
		future(&q.Extension)
		future(&q.Answered)
	}
	o.Breaches = keep(o.Breaches, func(b *Breach) bool { return then(b.Discovered) })
	for _, b := range o.Breaches {
		future(&b.Reported)
		future(&b.Informed)
	}
	o.Posts = keep(o.Posts, func(p *Post) bool { return then(p.Date) })
	o.Activities = keep(o.Activities, func(a *Activity) bool { return a.Name != "Cameratoezicht entree" }) // cameras came in 2026
	o.Files = keep(o.Files, func(f *DriveFile) bool { return then(f.Modified) })
	o.Applicants = keep(o.Applicants, func(a *Applicant) bool { return then(a.Applied) })
	for _, a := range o.Applicants {
		if !then(a.Ended) {
			a.Ended, a.Outcome = time.Time{}, ""
		}
	}
	o.Complaints = keep(o.Complaints, func(c *Complaint) bool { return then(c.Received) })
	for _, c := range o.Complaints {
		future(&c.Handled)
	}
	for _, p := range o.Processors {
		if p.System == "Konnect" {
			p.Remark = "" // the renewal was asked for this year
		}
	}
	o.rewindSecurity(then, future)
	o.plantResolved()
}

// rewindPortal cuts the parent portal back to prevAsOf: placements, their
// parents' access, the answers and the notes as they stood then. The
// photos of the diary export all date from this school year.
func (o *Org) rewindPortal(t time.Time, then func(time.Time) bool, future, back func(*time.Time), r *rand.Rand) {
	o.Portal = keep(o.Portal, func(pc *PortalChild) bool { return then(pc.Start) })
	placed := map[*PortalChild]bool{}
	for _, pc := range o.Portal {
		placed[pc] = true
		future(&pc.End)
		c := pc.Child
		end := pc.End
		if end.IsZero() && !pc.Unlinked && !c.Deleted {
			end = c.End
		}
		closed := !end.IsZero() && t.After(end.AddDate(0, 0, 30))
		for _, g := range c.Guardians {
			if c.Scenario != "portalOpen" { // left open in both years
				g.Access = g.drawnAccess && !closed
			}
			if !g.LastLogin.IsZero() {
				back(&g.LastLogin)
			}
		}
	}
	o.Notes = keep(o.Notes, func(n *Note) bool { return placed[n.PC] && then(n.Created) })
	o.Photos = keep(o.Photos, func(p *Photo) bool { return then(p.Posted) })

	// This year's round is undone; what was recorded after prevAsOf is not
	// there yet.
	for _, cs := range o.Consents {
		if cs.before != nil && !then(cs.Recorded) {
			cs.Recorded, cs.By, cs.GivenBy = cs.before.Recorded, cs.before.By, cs.before.GivenBy
		}
		future(&cs.Withdrawn)
	}
	o.Consents = keep(o.Consents, func(cs *Consent) bool { return placed[cs.PC] && then(cs.Recorded) })
	for _, pc := range o.Portal {
		pc.Consents = keep(pc.Consents, func(cs *Consent) bool { return slices.Contains(o.Consents, cs) })
	}
	o.lastYearsRound(r)
}

// lastYearsRound plays the reconfirmation round of September 2024: the
// parents of every child placed then confirm each permission they gave
// more than twelve months before prevAsOf.
func (o *Org) lastYearsRound(r *rand.Rand) {
	from := prevAsOf.AddDate(0, -12, 0)
	for _, pc := range o.Portal {
		if pc.Start.After(from) || (!pc.End.IsZero() && pc.End.Before(from)) {
			continue
		}
		round := from.AddDate(0, 0, r.IntN(10)).Add(time.Duration(18*60+r.IntN(5*60)) * time.Minute)
		for _, cs := range pc.Consents {
			if cs.Keep || !cs.Granted || !cs.Withdrawn.IsZero() || !cs.Recorded.Before(from) {
				continue
			}
			g := cs.GivenBy
			if g == "" {
				g = o.parentInPortal(pc.Child).name()
			}
			cs.Recorded, cs.By, cs.GivenBy = round, "Ouder (portaal)", g
		}
	}
}

// plantResolved adds to last year's exports the records that were findings
// then and have been fixed or deleted since.
func (o *Org) plantResolved() {
	// A former child's BSN, blanked since (no finding then either: the
	// record and its BSN may be kept until 31 December of the 7th year after
	// care ended), and its intake form on OneDrive, deleted since.
	i := slices.IndexFunc(o.Children, func(c *Child) bool {
		return c.Scenario == "" && !c.KeepBSN && c.End.After(day(2021, 9, 1)) && c.End.Before(day(2023, 7, 1))
	})
	if i < 0 {
		panic("no former child whose BSN was blanked in the last year")
	}
	c := o.Children[i]
	c.KeepBSN = true
	path := fmt.Sprintf("Kinddossiers/%s/intakeformulier.pdf", c.ID)
	o.Files = append(o.Files, &DriveFile{Path: path, Owner: o.staffByID("M004").name(), Modified: c.Start.AddDate(0, 0, -12).Add(10 * time.Hour),
		Sharing: "Organisatie", Category: fChildFile, ChildID: c.ID})
	slices.SortStableFunc(o.Files, func(a, b *DriveFile) int { return cmp.Compare(a.Path, b.Path) })
	o.resolve(chkRetOneDrive, "onedrive_files", path)

	// The 2016 invoices, removed by this year's clean-up.
	old := o.scenario["old2016"]
	r := rate(old.Group.Kind, 2016)
	inv := &Invoice{ID: "FAC-2016-00001", Child: old, Guardian: old.Guardians[0], Date: day(2016, 6, 30), Hours: monthlyHours(old), Rate: r,
		Amount: (monthlyHours(old)*r + 50) / 100, Status: "Betaald", Description: fmt.Sprintf("%s juli 2016 (%s)", old.Group.careType(), strings.Join(old.Days, ", "))}
	o.Invoices = append([]*Invoice{inv}, o.Invoices...)
	o.resolve(chkRetInvoices, "admin_invoices", inv.ID)

	// An employee who left in 2024 kept her portal account until last
	// year's audit.
	for _, a := range o.Accounts {
		if a.Staff != nil && a.Staff.ID == "M027" && a.System == "Konnect" {
			a.Active = true
			o.resolve(chkAccountAfterLeaving, "accounts", a.System+"/"+a.Username)
		}
	}

	// WhatsApp groups with parents, given up since: no agreement, in no
	// processing activity.
	o.Processors = append(o.Processors, &Processor{"WhatsApp", "WhatsApp Ireland Ltd.", "Groepsapps met ouders per groep",
		"Namen en telefoonnummers ouders, berichten, foto's", time.Time{}, time.Time{}, "", true, "Gebruikt door de groepen zelf"})
	o.resolve(chkProcessor, "processors", "WhatsApp")
	o.resolve(chkRegisterIncomplete, "processors", "WhatsApp")

	// A rights request of 2024 answered late; the register keeps the
	// requests of the last two calendar years.
	o.Requests = append([]*Request{
		{"AVG-2024-01", "Inzage", day(2024, 1, 8), time.Time{}, day(2024, 1, 30), "Ouder vraagt de observaties uit KIJK! op"},
		{"AVG-2024-02", "Verwijdering", day(2024, 5, 13), time.Time{}, day(2024, 7, 2), "Oud-ouder vraagt verwijdering van het dossier"},
		{"AVG-2024-03", "Inzage", day(2024, 10, 7), time.Time{}, day(2024, 10, 29), "Inzage in de facturen"},
	}, o.Requests...)
	o.resolve(chkRequestOverdue, "requests", "AVG-2024-02")

	// A complaint handled in 2022, deleted since.
	o.Complaints = append([]*Complaint{{"KL-2022-01", day(2022, 4, 11), day(2022, 5, 30), "Foto van een kind op Facebook"}}, o.Complaints...)
	o.resolve(chkRetHR, "complaints", "KL-2022-01")
}

// resolve books a finding of last year's audit that this year's must not have.
func (o *Org) resolve(check, table, key string) {
	o.resolved = append(o.resolved, check+"|"+table+"|"+key)
}

// checkResolved requires last year's audit to report every finding
// plantResolved booked.
func (o *Org) checkResolved(run *results.Run) error {
	have := findingKeys(run)
	for _, k := range o.resolved {
		if !have[k] {
			return fmt.Errorf("last year's audit lacks the planted finding %s", k)
		}
	}
	return nil
}

// findingKeys is the set of the run's finding keys.
func findingKeys(run *results.Run) map[string]bool {
	keys := map[string]bool{}
	for _, c := range run.Checks {
		for i := range c.NFindings() {
			keys[c.FindingAt(i).Key] = true
		}
	}
	return keys
}

// expectedKeys are the finding keys the audit of the current exports must
// give: check|table|record key, "#2", "#3", ... on a key's repeats.
func (o *Org) expectedKeys() map[string]string {
	keys := map[string]string{} // key -> check
	seen := map[string]int{}
	for _, e := range o.Expected {
		k := e.Check + "|" + e.Table + "|" + e.Key()
		if seen[k]++; seen[k] > 1 {
			k = fmt.Sprintf("%s#%d", k, seen[k])
		}
		keys[k] = e.Check
	}
	return keys
}

// trendRow counts one check's findings last year and this year by key.
type trendRow struct {
	Check                                        string
	Previous, Current, New, Persisting, Resolved int
}

// trend compares last year's findings with this year's expected ones, per
// check in catalogue order.
func (o *Org) trend(prev *results.Run) []trendRow {
	cur := o.expectedKeys()
	before := map[string]string{}
	for _, c := range prev.Checks {
		for i := range c.NFindings() {
			before[c.FindingAt(i).Key] = c.ID
		}
	}
	rows := make([]trendRow, len(checkOrder))
	at := map[string]*trendRow{}
	for i, c := range checkOrder {
		rows[i].Check = c
		at[c] = &rows[i]
	}
	for k, c := range cur {
		r := at[c]
		r.Current++
		if _, ok := before[k]; ok {
			r.Persisting++
		} else {
			r.New++
		}
	}
	for k, c := range before {
		r := at[c]
		if r == nil {
			panic("last year's audit has findings of a check outside the catalogue: " + c)
		}
		r.Previous++
		if _, ok := cur[k]; !ok {
			r.Resolved++
		}
	}
	return rows
}

// trendBlock is the README table of the trend against last year.
func (o *Org) trendBlock(prev *results.Run) string {
	var b strings.Builder
	b.WriteString("| check | previous | current | new | persisting | resolved |\n|---|---|---|---|---|---|\n")
	var total trendRow
	for _, r := range o.trend(prev) {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d |\n", r.Check, r.Previous, r.Current, r.New, r.Persisting, r.Resolved)
		total.Previous += r.Previous
		total.Current += r.Current
		total.New += r.New
		total.Persisting += r.Persisting
		total.Resolved += r.Resolved
	}
	fmt.Fprintf(&b, "| **total** | **%d** | **%d** | **%d** | **%d** | **%d** |\n", total.Previous, total.Current, total.New, total.Persisting, total.Resolved)
	return b.String()
}
