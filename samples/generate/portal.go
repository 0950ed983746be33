package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

const (
	chkPhoto     = "photo_without_consent"
	chkRetention = "retention_exceeded"
	chkProcessor = "processor_agreement_missing"
)

// konnectSince is when the organisation moved to Konnect; answers given
// before then were migrated from Bitcare without a date.
var konnectSince = day(2019, 3, 1)

// portalRetentionStart: a child whose care ended before this day is past the
// 24 months on the as-of date, so a tidy portal no longer holds it.
var portalRetentionStart = asOf.AddDate(0, -24, 0)

func (o *Org) buildPortal() {
	for _, c := range o.Children {
		pc := &PortalChild{Child: c, Start: c.Start, End: c.End, Birth: c.Birth}
		in := false
		switch c.Scenario {
		case "bsnDayPast", "edge24m", "portal2022", "portalOrphan", "portalAdminRecent":
			in = true
		case "portalOpen":
			in, pc.End = true, time.Time{}
		case "portalMoved":
			in, pc.End = true, endOfMonth(c.Birth.AddDate(0, 47, 0))
		case "portalUnlinked", "unlinkedEdge":
			in, pc.Unlinked = true, true
		default:
			if c.Scenario == "" || strings.HasPrefix(c.Scenario, "photo") {
				in = !c.Deleted && (c.End.IsZero() || !c.End.Before(portalRetentionStart))
			}
		}
		if c.Scenario == "portalAdminRecent" {
			pc.End = day(2022, 12, 31)
		}
		if !in {
			continue
		}
		c.Portal = pc
		o.Portal = append(o.Portal, pc)
	}
	slices.SortStableFunc(o.Portal, func(a, b *PortalChild) int {
		return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.Child.ID, b.Child.ID))
	})
	for i, pc := range o.Portal {
		pc.ID = fmt.Sprintf("PK%04d", i+1)
	}

	for _, pc := range o.Portal {
		ref := asOf
		if !pc.Child.End.IsZero() && pc.Child.End.Before(ref) {
			ref = pc.Child.End
		}
		for _, g := range pc.Child.Guardians {
			if g.Access {
				g.LastLogin = o.lastLogin(ref)
			}
		}
	}

	key := func(name string) func() string { return func() string { return o.scenario[name].Portal.ID } }
	o.expect(chkRetention, "portal_children", key("bsnDayPast"), "care ended 2024-08-31 (Kidsadmin): one day past 24 months")
	o.expect(chkRetention, "portal_children", key("portal2022"), "care ended 2022-07-31: past 24 months")
	o.expect(chkRetention, "portal_children", key("portalOpen"), "placement never closed in the portal; Kidsadmin care ended 2023-06-30")
	o.expect(chkRetention, "portal_children", key("portalUnlinked"), "no child number in the portal; placement ended 2023-12-31")
	o.expect(chkRetention, "portal_children", key("portalOrphan"), "child number no longer in Kidsadmin; placement ended 2017-07-31")
	o.absent(chkRetention, "portal_children", key("edge24m"), "care ended 2024-09-01: exactly 24 months")
	o.absent(chkRetention, "portal_children", key("portalMoved"), "still in care in Kidsadmin; the portal shows the end of an old KDV placement")
	o.absent(chkRetention, "portal_children", key("portalAdminRecent"), "Kidsadmin care_end 2025-06-30 governs, not the portal's 2022-12-31")
	o.absent(chkRetention, "portal_children", key("unlinkedEdge"), "no child number; placement ended 2024-09-01: exactly 24 months")

	// An accuracy problem for a later check: Konnect has the birth date
	// with day and month swapped.
	n := 0
	for _, pc := range o.Portal {
		c := pc.Child
		if c.Scenario != "" || !c.End.IsZero() || c.Birth.Day() > 12 || c.Birth.Day() == int(c.Birth.Month()) {
			continue
		}
		if n++; n == 7 {
			pc.Birth = day(c.Birth.Year(), time.Month(c.Birth.Day()), int(c.Birth.Month()))
			o.Later = append(o.Later, fmt.Sprintf("accuracy: %s / %s has a different birth date in Konnect (%s) than in Kidsadmin (%s)",
				c.ID, pc.ID, nlDate(pc.Birth), nlDate(c.Birth)))
			break
		}
	}
}

// ---------------------------------------------------------------- consents

func (o *Org) evening(d time.Time) time.Time {
	return d.Add(time.Duration(18*60+o.intn(5*60)) * time.Minute)
}

func (o *Org) addConsent(pc *PortalChild, typ int, granted bool, recorded time.Time) *Consent {
	c := &Consent{PC: pc, Type: typ, Granted: granted, Recorded: recorded, By: "Ouder (portaal)"}
	if recorded.IsZero() {
		c.By = "Migratie Bitcare"
	}
	pc.Consents = append(pc.Consents, c)
	o.Consents = append(o.Consents, c)
	return c
}

func (o *Org) buildConsents() {
	for _, pc := range o.Portal {
		c := pc.Child
		intake := o.evening(pc.Start.AddDate(0, 0, -1-o.intn(21)))
		if pc.Start.Before(konnectSince) {
			intake = time.Time{}
		}
		ref := asOf
		if !c.End.IsZero() && c.End.Before(ref) {
			ref = c.End
		}
		ageYears := ref.Sub(c.Birth).Hours() / 24 / 365.25
		bso := c.Group.Kind == "BSO"
		answers := [8]bool{
			cPhotoPortal:   true,
			cPhotoExternal: o.chance(0.6),
			cPickup:        o.chance(0.9),
			cTransport:     o.chance(0.8),
			cFriendVisit:   bso && o.chance(0.85),
			cVisitFriend:   bso && o.chance(0.8),
			cFromSchool:    bso && ageYears >= 8 && o.chance(0.5),
			cHome:          bso && ageYears >= 9 && o.chance(0.4),
		}
		for t := range consentTypes {
			if t == cPhotoPortal {
				continue
			}
			rec := intake
			switch c.Scenario {
			case "photoLate":
				rec = at(2025, 9, 12, 21, 3)
			case "photoExact":
				rec = at(2026, 1, 12, 9, 30)
			}
			o.addConsent(pc, t, answers[t], rec)
		}
		o.photoConsent(pc, intake)
	}
}

// photoConsent records the photo_portal answers: the planted histories for
// the photo scenarios, a mix of yes, no and withdrawn for everyone else.
func (o *Org) photoConsent(pc *PortalChild, intake time.Time) {
	switch pc.Child.Scenario {
	case "photoNone":
		// The parents answered every question but this one.
	case "photoRefused":
		o.addConsent(pc, cPhotoPortal, false, intake)
	case "photoWithdrawn":
		o.addConsent(pc, cPhotoPortal, true, intake).Withdrawn = at(2026, 3, 10, 20, 14)
	case "photoWithdrawnAt":
		o.addConsent(pc, cPhotoPortal, true, intake).Withdrawn = at(2026, 5, 19, 10, 30)
	case "photoLate":
		o.addConsent(pc, cPhotoPortal, true, at(2025, 9, 12, 21, 3))
	case "photoRefusedThenYesAfter":
		o.addConsent(pc, cPhotoPortal, false, at(2025, 8, 25, 20, 10))
		o.addConsent(pc, cPhotoPortal, true, at(2026, 1, 20, 19, 45))
	case "photoExact":
		o.addConsent(pc, cPhotoPortal, true, at(2026, 1, 12, 9, 30))
	case "photoRefusedThenYesBefore":
		o.addConsent(pc, cPhotoPortal, false, at(2025, 8, 20, 19, 0))
		o.addConsent(pc, cPhotoPortal, true, at(2025, 10, 1, 20, 30))
	case "photoWithdrawnThenYes":
		o.addConsent(pc, cPhotoPortal, true, intake).Withdrawn = at(2025, 10, 1, 8, 0)
		o.addConsent(pc, cPhotoPortal, true, at(2025, 11, 15, 21, 0))
	case "photoMigrated":
		o.addConsent(pc, cPhotoPortal, true, time.Time{})
	default:
		n := o.intn(100)
		from := intake
		if from.Before(day(2025, 9, 1)) {
			from = day(2025, 9, 1)
		}
		span := int(day(2026, 8, 15).Sub(from).Hours()/24) - 30
		switch {
		case n < 8:
			o.addConsent(pc, cPhotoPortal, false, intake)
		case n < 12 && span > 0:
			o.addConsent(pc, cPhotoPortal, true, intake).Withdrawn = o.evening(from.AddDate(0, 0, 30+o.intn(span)))
		case n < 15 && span > 0:
			o.addConsent(pc, cPhotoPortal, false, intake)
			o.addConsent(pc, cPhotoPortal, true, o.evening(from.AddDate(0, 0, 30+o.intn(span))))
		default:
			o.addConsent(pc, cPhotoPortal, true, intake)
		}
	}
}

// effectiveConsent is the photo_portal answer in force at t: the one with
// the latest recorded_at on or before t, where an undated answer counts as
// recorded before everything.
func effectiveConsent(pc *PortalChild, t time.Time) *Consent {
	var eff *Consent
	for _, c := range pc.Consents {
		if c.Type != cPhotoPortal || c.Recorded.After(t) {
			continue
		}
		if eff == nil || c.Recorded.After(eff.Recorded) {
			eff = c
		}
	}
	return eff
}

// photoAllowed applies the photo_without_consent rule.
func photoAllowed(pc *PortalChild, t time.Time) bool {
	eff := effectiveConsent(pc, t)
	return eff != nil && eff.Granted && (eff.Withdrawn.IsZero() || eff.Withdrawn.After(t))
}

// ---------------------------------------------------------------- notes

var noteTexts = [][]string{
	nAllergy: {"Allergisch voor pinda's; EpiPen zit in de groepstas.", "Koemelkallergie: alleen sojaproducten.", "Allergisch voor kiwi.",
		"Hooikoorts in het voorjaar; ouders geven zelf de medicatie.", "Allergisch voor kippenei."},
	nDiet: {"Eet geen varkensvlees.", "Vegetarisch.", "Glutenvrij dieet.", "Halal.", "Graag geen suiker in de fruithap."},
	nMedical: {"Gebruikt een puffer bij benauwdheid; zie medicijnlijst.", "Eczeem: na het wassen insmeren met eigen crème.",
		"Heeft koortsstuipen gehad; bij koorts boven 39 graden ouders bellen.", "Draagt een bril; afplakschema in de ochtend.",
		"Buisjes in de oren: niet onder water."},
	nVVE: {"VVE-indicatie via het consultatiebureau, 16 uur per week.", "VVE-indicatie (taal); programma Uk & Puk.", "VVE: extra aandacht voor woordenschat."},
	nGeneral: {"Slaapt met eigen knuffel (konijn).", "Wordt op woensdag door oma gehaald.", "Ouders gescheiden; beide ouders ontvangen het dagboek.",
		"Wenperiode: eerst twee ochtenden.", "Houdt niet van harde geluiden; brandoefening vooraf aankondigen."},
}

func (o *Org) buildNotes() {
	for _, pc := range o.Portal {
		c := pc.Child
		var cats []int
		if c.VVE {
			cats = append(cats, nVVE)
		}
		if c.Language != "Nederlands" && o.chance(0.6) {
			cats = append(cats, nBilingual)
		}
		for _, p := range []struct {
			cat int
			p   float64
		}{{nAllergy, 0.16}, {nDiet, 0.08}, {nMedical, 0.1}, {nGeneral, 0.12}} {
			if o.chance(p.p) {
				cats = append(cats, p.cat)
			}
		}
		for _, cat := range cats {
			from := pc.Start
			if from.Before(konnectSince) {
				from = konnectSince
			}
			created := from.AddDate(0, 0, o.intn(30)).Add(time.Duration(8*60+o.intn(10*60)) * time.Minute)
			if !created.Before(asOf) {
				created = asOf.AddDate(0, 0, -1).Add(10 * time.Hour)
			}
			text := ""
			if cat == nBilingual {
				text = "Thuistaal: " + c.Language + ". Ouders lezen het dagboek ook in het Nederlands."
			} else {
				text = pick(o, noteTexts[cat])
			}
			by := ""
			if s := o.staffAt(c.Group, created); s != nil {
				by = s.name()
			} else {
				by = o.formerStaffName()
			}
			o.Notes = append(o.Notes, &Note{PC: pc, Category: cat, Text: text, Created: created, By: by})
		}
	}
	slices.SortStableFunc(o.Notes, func(a, b *Note) int {
		return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.PC.ID, b.PC.ID))
	})
	for i, n := range o.Notes {
		n.ID = fmt.Sprintf("N%04d", i+1)
	}
}

// ---------------------------------------------------------------- photos

var captions = []string{
	"Buitenspelen in de zandbak", "Knutselen met herfstbladeren", "Samen lezen op de bank", "Verven met de handen",
	"Hutten bouwen", "Pannenkoeken bakken", "Dansen in de speelzaal", "Sint Maarten-lampionnen", "Sneeuwpret",
	"Paaseieren zoeken", "Waterspelletjes", "Bezoek aan de kinderboerderij", "Moestuin: radijsjes oogsten", "Muziek maken",
}

func (o *Org) newPhoto(g *Group, t time.Time, tags ...*PortalChild) *Photo {
	s := o.staffAt(g, t)
	by := ""
	if s != nil {
		by = s.name()
	}
	p := &Photo{Posted: t, Group: g, By: by, Caption: pick(o, captions), Tags: tags}
	o.Photos = append(o.Photos, p)
	return p
}

func (o *Org) eligible(g *Group, t time.Time) []*PortalChild {
	var out []*PortalChild
	for _, pc := range o.Portal {
		c := pc.Child
		if c.Group == g && c.Scenario == "" && c.inCare(t) && photoAllowed(pc, t) {
			out = append(out, pc)
		}
	}
	return out
}

func (o *Org) buildPhotos() {
	for _, g := range o.Groups {
		for wk := day(2025, 9, 1); wk.Before(day(2026, 8, 29)); wk = wk.AddDate(0, 0, 7) {
			if !o.chance(0.7) {
				continue
			}
			t := wk.AddDate(0, 0, o.intn(5)).Add(time.Duration(9*60+o.intn(510)) * time.Minute)
			el := o.eligible(g, t)
			k := 1
			switch n := o.intn(100); {
			case n >= 85:
				k = 3
			case n >= 45:
				k = 2
			}
			k = min(k, len(el))
			if k == 0 || o.staffAt(g, t) == nil {
				continue
			}
			var tags []*PortalChild
			for _, i := range o.r.Perm(len(el))[:k] {
				tags = append(tags, el[i])
			}
			p := o.newPhoto(g, t, tags...)
			if o.chance(0.03) {
				p.Removed = t.AddDate(0, 0, 1+o.intn(10)).Add(time.Duration(o.intn(120)) * time.Minute)
			}
		}
	}

	// The planted photos. Each may show one other child whose consent is fine.
	type tag struct {
		photo *Photo
		pc    *PortalChild
	}
	var planted, fine []struct {
		tag
		why string
	}
	add := func(name string, t time.Time, bad bool, why string) {
		pc := o.scenario[name].Portal
		g := pc.Child.Group
		tags := []*PortalChild{pc}
		if el := o.eligible(g, t); len(el) > 0 && o.chance(0.5) {
			tags = append(tags, pick(o, el))
		}
		p := o.newPhoto(g, t, tags...)
		e := struct {
			tag
			why string
		}{tag{p, pc}, why}
		if bad {
			planted = append(planted, e)
		} else {
			fine = append(fine, e)
		}
	}
	add("photoNone", at(2025, 10, 7, 10, 15), true, "no photo consent recorded")
	add("photoNone", at(2026, 3, 17, 15, 40), true, "no photo consent recorded")
	add("photoRefused", at(2025, 12, 11, 11, 20), true, "photo consent refused")
	add("photoRefused", at(2026, 6, 4, 16, 5), true, "photo consent refused")
	add("photoWithdrawn", at(2026, 2, 3, 10, 12), false, "consent withdrawn 2026-03-10 20:14, after this photo")
	add("photoWithdrawn", at(2026, 4, 2, 11, 5), true, "consent withdrawn 2026-03-10 20:14, before posting")
	add("photoWithdrawnAt", at(2026, 5, 19, 10, 30), true, "consent withdrawn 2026-05-19 10:30, the minute of posting")
	add("photoLate", at(2025, 9, 8, 14, 20), true, "consent recorded only after posting (2025-09-12 21:03)")
	add("photoLate", at(2025, 10, 6, 9, 50), false, "posted after consent recorded 2025-09-12 21:03")
	add("photoRefusedThenYesAfter", at(2025, 11, 12, 10, 40), true, "refused 2025-08-25; the yes came only 2026-01-20")
	add("photoRefusedThenYesAfter", at(2026, 2, 10, 14, 0), false, "refused 2025-08-25, yes 2026-01-20 before posting")
	add("photoExact", at(2026, 1, 12, 9, 30), false, "consent recorded 2026-01-12 09:30, exactly at posting")
	add("photoRefusedThenYesBefore", at(2025, 12, 3, 10, 0), false, "refusal replaced by a yes 2025-10-01 before posting")
	add("photoWithdrawnThenYes", at(2026, 1, 14, 11, 30), false, "withdrawn 2025-10-01, new yes 2025-11-15 before posting")
	add("photoMigrated", at(2026, 2, 24, 15, 10), false, "yes migrated without a date counts as recorded before everything")

	slices.SortStableFunc(o.Photos, func(a, b *Photo) int {
		return cmp.Or(a.Posted.Compare(b.Posted), cmp.Compare(a.Group.Name, b.Group.Name))
	})
	for i, p := range o.Photos {
		p.ID = fmt.Sprintf("F%04d", i+1)
		slices.SortFunc(p.Tags, func(a, b *PortalChild) int { return cmp.Compare(a.ID, b.ID) })
	}
	for _, e := range planted {
		e := e
		o.expect(chkPhoto, "portal_photos", func() string { return e.photo.ID + "/" + e.pc.ID }, e.why)
	}
	for _, e := range fine {
		e := e
		o.absent(chkPhoto, "portal_photos", func() string { return e.photo.ID + "/" + e.pc.ID }, e.why)
	}

	// The bookkeeping must agree with the rule itself.
	bad := map[*Photo]map[*PortalChild]bool{}
	for _, e := range planted {
		if bad[e.photo] == nil {
			bad[e.photo] = map[*PortalChild]bool{}
		}
		bad[e.photo][e.pc] = true
	}
	for _, p := range o.Photos {
		for _, pc := range p.Tags {
			if photoAllowed(pc, p.Posted) == bad[p][pc] {
				panic(fmt.Sprintf("photo %s child %s: rule and bookkeeping disagree", p.ID, pc.ID))
			}
		}
	}
}
