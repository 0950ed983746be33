package main

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// The fixed seed: the same seed gives the same organisation, byte for byte.
const seedHi, seedLo = 20260901, 0x4b6c696d626f6f6d // "Klimboom"

const organisation = "Kinderopvang De Klimboom (synthetisch)"

// Org is the whole synthetic organisation plus the generator's bookkeeping
// of what it planted.
type Org struct {
	r            *rand.Rand
	Groups       []*Group
	Children     []*Child
	Staff        []*Staff
	Accounts     []*Account
	Portal       []*PortalChild
	Consents     []*Consent
	Notes        []*Note
	Photos       []*Photo
	Tracking     []*TrackingChild
	Observations []*Observation
	Transfers    []*Transfer
	Invoices     []*Invoice
	Processors   []*Processor
	Requests     []*Request
	Breaches     []*Breach
	Posts        []*Post
	Activities   []*Activity
	Files        []*DriveFile
	Applicants   []*Applicant
	Complaints   []*Complaint
	Accepted     []*Acceptance // the accepted-risk register
	PRK          []*PRKLink
	Devices      []*Device
	StaffPrivacy []*StaffPrivacy
	Cameras      []*Camera

	// ref is the reference date the exports are written for: asOf, or
	// prevAsOf for last year's exports (see lastYear).
	ref time.Time

	Expected []Expectation // findings the checks must report
	Absent   []Expectation // edge records the checks must not report
	// resolved are last year's findings (check|table|key) planted in its
	// exports only: fixed or deleted since (see rewind).
	resolved []string

	usedBSN        map[string]bool
	usedNames      map[string]bool
	scenario       map[string]*Child
	kijkAllPlanted bool
}

func (o *Org) intn(n int) int { return o.r.IntN(n) }

func pick[T any](o *Org, xs []T) T { return xs[o.r.IntN(len(xs))] }

func (o *Org) chance(p float64) bool { return o.r.Float64() < p }

func (o *Org) group(name string) *Group {
	for _, g := range o.Groups {
		if g.Name == name {
			return g
		}
	}
	panic("no group " + name)
}

func (o *Org) expect(check, table string, key func() string, why string) {
	o.Expected = append(o.Expected, Expectation{check, table, key, why})
}

func (o *Org) absent(check, table string, key func() string, why string) {
	o.Absent = append(o.Absent, Expectation{check, table, key, why})
}

// mark is one planted record with a fixed key: reported by the check or not, and why.
type mark struct {
	key   string
	found bool
	why   string
}

// book books planted records of one table for a check.
func (o *Org) book(check, table string, marks ...mark) {
	for _, m := range marks {
		if m.found {
			o.expect(check, table, constKey(m.key), m.why)
		} else {
			o.absent(check, table, constKey(m.key), m.why)
		}
	}
}

// build makes the organisation. It uses only o.r for randomness and no
// clock, so it is deterministic.
func build() *Org {
	o := &Org{
		r:         rand.New(rand.NewPCG(seedHi, seedLo)),
		usedBSN:   map[string]bool{},
		usedNames: map[string]bool{},
		scenario:  map[string]*Child{},
		ref:       asOf,
	}
	o.Groups = []*Group{
		{Name: "Rupsjes", Location: "Molenwiek", Kind: "KDV", MinAge: 3, MaxAge: 24},
		{Name: "Vlinders", Location: "Molenwiek", Kind: "KDV", MinAge: 24, MaxAge: 48},
		{Name: "Boomhut", Location: "Molenwiek", Kind: "PO", MinAge: 24, MaxAge: 48},
		{Name: "Avonturiers", Location: "Molenwiek", Kind: "BSO", MinAge: 48, MaxAge: 150},
		{Name: "Zeesterren", Location: "Havenkwartier", Kind: "KDV", MinAge: 3, MaxAge: 24},
		{Name: "Dolfijnen", Location: "Havenkwartier", Kind: "KDV", MinAge: 24, MaxAge: 48},
		{Name: "Kajuit", Location: "Havenkwartier", Kind: "PO", MinAge: 30, MaxAge: 48},
		{Name: "Ontdekkers", Location: "Havenkwartier", Kind: "BSO", MinAge: 48, MaxAge: 150},
	}
	o.buildStaff()
	o.buildChildren()
	o.numberChildren()
	o.buildGuardians()
	o.buildPortal()
	o.buildConsents()
	o.buildNotes()
	o.buildPhotos()
	o.buildTracking()
	o.buildInvoices()
	o.buildRegisters()
	return o
}

// ---------------------------------------------------------------- staff

func (o *Org) buildStaff() {
	type spec struct {
		role   string
		loc    string
		groups []string
		start  time.Time
		end    time.Time
	}
	specs := []spec{
		{"Directeur", "", nil, day(2011, 3, 1), time.Time{}},
		{"Locatiemanager", "Molenwiek", []string{"Rupsjes", "Vlinders", "Boomhut", "Avonturiers"}, day(2014, 8, 1), time.Time{}},
		{"Locatiemanager", "Havenkwartier", []string{"Zeesterren", "Dolfijnen", "Kajuit", "Ontdekkers"}, day(2017, 1, 1), time.Time{}},
		{"Administratie", "", nil, day(2016, 5, 1), time.Time{}},
		{"Beheerder", "", nil, day(2015, 9, 1), time.Time{}},
		{"Pedagogisch coach", "", nil, day(2021, 2, 1), time.Time{}},
	}
	for _, g := range o.Groups {
		for i := 0; i < 2; i++ {
			start := day(2012+o.intn(13), time.Month(1+o.intn(12)), 1)
			specs = append(specs, spec{"Pedagogisch medewerker", g.Location, []string{g.Name}, start, time.Time{}})
		}
	}
	specs = append(specs,
		spec{"Pedagogisch medewerker", "Molenwiek", []string{"Avonturiers", "Vlinders"}, day(2019, 4, 1), day(2025, 12, 31)},
		spec{"Pedagogisch medewerker", "Havenkwartier", []string{"Dolfijnen"}, day(2018, 1, 1), day(2024, 6, 30)},
		spec{"Pedagogisch medewerker", "Molenwiek", []string{"Avonturiers"}, day(2026, 2, 1), time.Time{}},
		spec{"Pedagogisch medewerker", "Havenkwartier", []string{"Kajuit"}, day(2020, 9, 1), asOf},
		spec{"Pedagogisch medewerker", "Havenkwartier", []string{"Zeesterren"}, day(2016, 4, 1), day(2024, 8, 31)},
		spec{"Pedagogisch medewerker", "Molenwiek", []string{"Boomhut"}, day(2019, 1, 1), day(2024, 9, 1)},
	)
	for i, sp := range specs {
		s := &Staff{ID: fmt.Sprintf("M%03d", i+1), Role: sp.role, Location: sp.loc, Start: sp.start, End: sp.end}
		for {
			if o.chance(0.85) {
				s.First = pick(o, women)
			} else {
				s.First = pick(o, men)
			}
			s.Last = pick(o, lastNames)
			if !o.usedNames[s.name()] {
				o.usedNames[s.name()] = true
				break
			}
		}
		for _, gn := range sp.groups {
			g := o.group(gn)
			s.Groups = append(s.Groups, g)
			if sp.role == "Pedagogisch medewerker" {
				g.Staff = append(g.Staff, s)
			}
		}
		o.Staff = append(o.Staff, s)
	}
	staff := func(id string) func() string { return constKey(id) }
	o.expect(chkRetHR, "staff", staff("M024"), "left 2024-06-30: personnel data past 24 months")
	o.expect(chkRetHR, "staff", staff("M027"), "left 2024-08-31: one day past 24 months")
	o.absent(chkRetHR, "staff", staff("M028"), "left 2024-09-01: exactly 24 months")
	o.absent(chkRetHR, "staff", staff("M023"), "left 2025-12-31")
}

// staffAt picks a pedagogisch medewerker of g employed at t.
func (o *Org) staffAt(g *Group, t time.Time) *Staff {
	var in []*Staff
	for _, s := range g.Staff {
		if s.employed(t) {
			in = append(in, s)
		}
	}
	if len(in) == 0 {
		return nil
	}
	return pick(o, in)
}

// formerStaffName is the name of someone who worked here before the staff
// register begins: old KIJK! records still name their mentor.
func (o *Org) formerStaffName() string { return pick(o, women) + " " + pick(o, lastNames) }

// ---------------------------------------------------------------- children

func (o *Org) newChild(g *Group, birth, start, end time.Time) *Child {
	c := &Child{Group: g, Birth: birth, Start: start, End: end, KeepBSN: true}
	c.Boy = o.intn(2) == 0
	c.BSN = o.newBSN()
	tw := towns[0]
	n := o.intn(10)
	for _, t := range towns {
		if n < t.Weight {
			tw = t
			break
		}
		n -= t.Weight
	}
	c.City = tw.Name
	c.Street = fmt.Sprintf("%s %d", pick(o, streets), 1+o.intn(140))
	if o.chance(0.1) {
		c.Street += pick(o, []string{"a", "b", "-2", "-bis"})
	}
	c.Postcode = fmt.Sprintf("%d%02d %s", tw.Prefix, 10+o.intn(80), o.postcodeLetters())
	c.Nationality = pick(o, nationalities)
	c.GP = pick(o, huisartsen)
	c.Language = pick(o, homeLanguages)
	switch {
	case g.Kind == "PO":
		c.VVE = o.chance(0.35)
	case g.Kind == "KDV" && g.MinAge >= 24:
		c.VVE = o.chance(0.08)
	}
	if o.chance(0.12) {
		c.Remarks = pick(o, adminRemarks)
	}
	if o.chance(0.3) {
		c.Religion = pick(o, []string{"Rooms-katholiek", "Protestants", "Islamitisch", "Hindoeïstisch", "Geen"})
	}
	all := []string{"ma", "di", "wo", "do", "vr"}
	nd := 2 + o.intn(2)
	if g.Kind == "BSO" {
		nd = 1 + o.intn(4)
	}
	perm := o.r.Perm(5)[:nd]
	slices.Sort(perm)
	for _, i := range perm {
		c.Days = append(c.Days, all[i])
	}
	o.makeFamily(c)
	o.Children = append(o.Children, c)
	return c
}

// postcodeLetters draws the letter pair of a postcode; Dutch postcodes use
// neither F, I, O, Q, U, Y nor the pairs SA, SD and SS.
func (o *Org) postcodeLetters() string {
	const letters = "ABCDEGHJKLMNPRSTVWXZ"
	for {
		p := string([]byte{letters[o.intn(len(letters))], letters[o.intn(len(letters))]})
		if p != "SA" && p != "SD" && p != "SS" {
			return p
		}
	}
}

func (o *Org) newBSN() string {
	for {
		b := newBSN(o.r)
		if !o.usedBSN[b] {
			o.usedBSN[b] = true
			return b
		}
	}
}

// startFor picks the first day of care of a child born at birth who is (or
// was last) in group g, no later than latest.
func (o *Org) startFor(c *Child, latest time.Time) {
	g := c.Group
	var earliest time.Time
	switch {
	case g.Kind == "BSO" && o.chance(0.5):
		earliest = c.Birth.AddDate(0, 4+o.intn(10), 0)
		c.KDVUntil = endOfMonth(c.Birth.AddDate(0, 47, 0))
	case g.Kind == "BSO":
		earliest = c.Birth.AddDate(0, 48, 0)
	case g.Kind == "PO":
		earliest = c.Birth.AddDate(0, g.MinAge+o.intn(6), 0)
	case g.MinAge >= 24 && o.chance(0.7): // came up from the baby group
		earliest = c.Birth.AddDate(0, 3+o.intn(9), 0)
	default:
		earliest = c.Birth.AddDate(0, max(3, g.MinAge)+o.intn(6), 0)
	}
	start := firstOnOrAfter(earliest)
	if start.After(latest) {
		start = firstOfMonth(latest)
	}
	c.Start = start
	if !c.KDVUntil.IsZero() && c.KDVUntil.Before(c.Start) {
		c.KDVUntil = time.Time{}
	}
}

// activeChild is a child in care on the as-of date.
func (o *Org) activeChild(g *Group) *Child {
	age := g.MinAge + o.intn(g.MaxAge-g.MinAge)
	birth := asOf.AddDate(0, -age, -o.intn(28))
	c := o.newChild(g, birth, time.Time{}, time.Time{})
	o.startFor(c, asOf.AddDate(0, -1, 0))
	if g.Kind == "BSO" {
		c.School = pick(o, schools)
	}
	return c
}

// leftChild is a child whose care in group g ended on end.
func (o *Org) leftChild(g *Group, end time.Time) *Child {
	var age int
	school := false
	switch {
	case g.Kind == "BSO":
		age = 60 + o.intn(90)
		school = true
	case g.MinAge >= 24 && o.chance(0.7): // off to primary school at four
		age = 47 + o.intn(2)
		school = true
	default:
		age = g.MinAge + o.intn(g.MaxAge-g.MinAge)
	}
	birth := end.AddDate(0, -age, -o.intn(28))
	c := o.newChild(g, birth, time.Time{}, end)
	o.startFor(c, end.AddDate(0, -3, 0))
	if school {
		c.School = pick(o, schools)
	}
	return c
}

func (o *Org) randomMonthEnd(from, to time.Time) time.Time {
	months := (to.Year()-from.Year())*12 + int(to.Month()-from.Month())
	return monthEndAfter(from, o.intn(months+1))
}

func (o *Org) buildChildren() {
	// Children in care today, spread over the groups by size.
	sizes := map[string]int{"Rupsjes": 11, "Vlinders": 13, "Boomhut": 9, "Avonturiers": 18,
		"Zeesterren": 10, "Dolfijnen": 12, "Kajuit": 8, "Ontdekkers": 15}
	for _, g := range o.Groups {
		for i := 0; i < sizes[g.Name]; i++ {
			o.activeChild(g)
		}
	}
	// Notice given: care ends after the as-of date.
	for _, p := range []struct {
		g   string
		end time.Time
	}{{"Vlinders", day(2026, 9, 30)}, {"Ontdekkers", day(2026, 12, 31)}, {"Kajuit", day(2026, 10, 31)}} {
		c := o.activeChild(o.group(p.g))
		c.End = p.end
	}
	// Left within the last two years: still everywhere, BSN still allowed.
	for i := 0; i < 20; i++ {
		o.leftChild(pick(o, o.Groups), o.randomMonthEnd(day(2024, 9, 30), day(2026, 8, 31)))
	}
	// Left longer ago and cleaned up properly: BSN blanked, gone from the
	// portal and KIJK!, admin record kept for the fiscal seven years.
	for i := 0; i < 10; i++ {
		c := o.leftChild(pick(o, o.Groups), o.randomMonthEnd(day(2019, 9, 30), day(2024, 7, 31)))
		c.KeepBSN = false
	}
	o.scenarios()
}

// scenario creates a hand-placed child that left group g on end (zero: in care).
func (o *Org) scenarioChild(name, group string, end time.Time) *Child {
	var c *Child
	if end.IsZero() {
		c = o.activeChild(o.group(group))
	} else {
		c = o.leftChild(o.group(group), end)
	}
	c.Scenario = name
	o.scenario[name] = c
	return c
}

// scenarios places the children behind the retention and photo findings;
// their portal, KIJK! and invoice records follow in the later build steps.
func (o *Org) scenarios() {
	// Retention in the administration.
	o.scenarioChild("old2016", "Vlinders", day(2016, 7, 31))
	o.scenarioChild("old2018", "Avonturiers", day(2018, 7, 31)).KeepBSN = false
	o.scenarioChild("old2019", "Kajuit", day(2019, 8, 31)).KeepBSN = false
	o.scenarioChild("edge7y", "Ontdekkers", day(2019, 9, 1)).KeepBSN = false
	o.scenarioChild("edgeInvoice", "Rupsjes", day(2019, 11, 30)).KeepBSN = false
	o.scenarioChild("bsn2021", "Dolfijnen", day(2021, 12, 31))
	o.scenarioChild("bsn2023", "Avonturiers", day(2023, 3, 31))
	o.scenarioChild("bsnDayPast", "Boomhut", day(2024, 8, 31))
	o.scenarioChild("edge24m", "Vlinders", day(2024, 9, 1))
	// Retention in the portal and KIJK!.
	o.scenarioChild("portal2022", "Zeesterren", day(2022, 7, 31)).KeepBSN = false
	o.scenarioChild("portalOpen", "Ontdekkers", day(2023, 6, 30)).KeepBSN = false
	// Came up from the KDV; the portal still shows the end of that placement.
	c := o.scenarioChild("portalMoved", "Avonturiers", time.Time{})
	c.Birth = day(2018, 5, 9).AddDate(0, 0, o.intn(20))
	c.Start = firstOnOrAfter(c.Birth.AddDate(0, 6, 0))
	c.KDVUntil = time.Time{} // archived in KIJK! long ago and deleted there
	o.scenarioChild("portalAdminRecent", "Avonturiers", day(2025, 6, 30))
	o.scenarioChild("portalUnlinked", "Kajuit", day(2023, 12, 31)).KeepBSN = false
	o.scenarioChild("portalOrphan", "Vlinders", day(2017, 7, 31)).Deleted = true
	o.scenarioChild("trackingUnlinked", "Boomhut", day(2023, 7, 31)).KeepBSN = false
	o.scenarioChild("trackingOrphan", "Dolfijnen", day(2018, 7, 20)).Deleted = true
	o.scenarioChild("unlinkedEdge", "Dolfijnen", day(2024, 9, 1))
	// Photo consent: children in care whose diary photos are planted. Age
	// (months on the as-of date) and start are fixed so the consent history
	// fits inside the care.
	for _, p := range []struct {
		name, group string
		age         int
		start       time.Time
	}{
		{"photoNone", "Rupsjes", 22, day(2025, 3, 1)},
		{"photoRefused", "Ontdekkers", 90, day(2023, 8, 1)},
		{"photoWithdrawn", "Vlinders", 45, day(2024, 5, 1)},
		{"photoWithdrawnAt", "Zeesterren", 21, day(2025, 4, 1)},
		{"photoLate", "Dolfijnen", 40, day(2025, 9, 1)},
		{"photoRefusedThenYesAfter", "Avonturiers", 60, day(2025, 9, 1)},
		{"photoExact", "Kajuit", 40, day(2026, 1, 12)},
		{"photoRefusedThenYesBefore", "Boomhut", 36, day(2025, 9, 1)},
		{"photoWithdrawnThenYes", "Rupsjes", 20, day(2025, 6, 1)},
		{"photoMigrated", "Avonturiers", 117, day(2018, 3, 1)},
	} {
		c := o.scenarioChild(p.name, p.group, time.Time{})
		c.Birth = asOf.AddDate(0, -p.age, -o.intn(20))
		c.Start = p.start
		c.KDVUntil = time.Time{}
	}
	o.plainScenarios()
	for _, c := range o.scenario {
		if !c.plain() {
			c.VVE = false // keeps the retention scenarios out of the VVE transfer check
		}
		if c.Start.Before(c.Birth) {
			panic("scenario child starts before birth: " + c.Scenario)
		}
	}
}

// numberChildren gives every child its Kidsadmin number in order of
// registration. Deleted children keep theirs: the gaps in the numbering are
// the records the administration has since deleted.
func (o *Org) numberChildren() {
	slices.SortStableFunc(o.Children, func(a, b *Child) int {
		return cmp.Or(a.Start.Compare(b.Start), a.Birth.Compare(b.Birth), cmp.Compare(a.Last, b.Last), cmp.Compare(a.First, b.First))
	})
	for i, c := range o.Children {
		c.ID = fmt.Sprintf("K%04d", i+1)
	}
}

// ---------------------------------------------------------------- families

func fold(s string) string {
	r := strings.NewReplacer("ë", "e", "é", "e", "ö", "o", "Ö", "o", "ı", "i", "ü", "u", " ", "", "'", "")
	return strings.ToLower(r.Replace(s))
}

func (o *Org) makeFamily(c *Child) {
	newAdult := func(woman bool, last, relation string) *Guardian {
		g := &Guardian{Child: c, Last: last, Relation: relation}
		if woman {
			g.First = pick(o, women)
		} else {
			g.First = pick(o, men)
		}
		return g
	}
	var gs []*Guardian
	switch n := o.intn(100); {
	case n < 70: // mother and father
		father := newAdult(false, pick(o, lastNames), "Vader")
		mlast := pick(o, lastNames)
		if o.chance(0.3) {
			mlast = father.Last
		}
		mother := newAdult(true, mlast, "Moeder")
		c.Last = father.Last
		if o.chance(0.25) {
			c.Last = mother.Last
		}
		gs = []*Guardian{mother, father}
		if o.chance(0.4) {
			gs = []*Guardian{father, mother}
		}
	case n < 78: // two mothers
		a := newAdult(true, pick(o, lastNames), "Moeder")
		b := newAdult(true, pick(o, lastNames), "Ouder")
		c.Last = a.Last
		gs = []*Guardian{a, b}
	case n < 92:
		m := newAdult(true, pick(o, lastNames), "Moeder")
		c.Last = m.Last
		gs = []*Guardian{m}
	case n < 98:
		f := newAdult(false, pick(o, lastNames), "Vader")
		c.Last = f.Last
		gs = []*Guardian{f}
	default:
		v := newAdult(o.chance(0.5), pick(o, lastNames), "Voogd")
		c.Last = pick(o, lastNames)
		gs = []*Guardian{v}
	}
	for {
		if c.Boy {
			c.First = pick(o, boys)
		} else {
			c.First = pick(o, girls)
		}
		if !o.usedNames[c.name()] {
			o.usedNames[c.name()] = true
			break
		}
	}
	for _, g := range gs {
		g.Birth = c.Birth.AddDate(-(26 + o.intn(14)), -o.intn(12), -o.intn(28))
		g.BSN = o.newBSN()
		domain := pick(o, []string{"example.com", "example.net", "example.org"})
		local := fold(g.First) + "." + fold(g.Last)
		if o.chance(0.4) {
			local = fold(g.First) + fold(g.Last) + fmt.Sprintf("%02d", o.intn(100))
		}
		g.Email = local + "@" + domain
		g.Phone = fmt.Sprintf("06-%08d", 10000000+o.intn(90000000))
		g.IBAN = newIBAN(o.r)
		g.Mandate = o.chance(0.85)
		g.Access = o.chance(0.93)
	}
	c.Guardians = gs
}

func (o *Org) buildGuardians() {
	n := 0
	for _, c := range o.Children {
		if c.Deleted {
			continue
		}
		for _, g := range c.Guardians {
			n++
			g.ID = fmt.Sprintf("O%04d", n)
		}
	}
}
