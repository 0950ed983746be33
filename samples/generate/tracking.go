package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

func (o *Org) toddlerGroup(loc string) *Group {
	if loc == "Molenwiek" {
		return o.group("Vlinders")
	}
	return o.group("Dolfijnen")
}

func (o *Org) buildTracking() {
	for _, c := range o.Children {
		tc := &TrackingChild{Child: c, Group: c.Group, Archived: c.End}
		in := false
		switch c.Scenario {
		case "bsn2021", "bsnDayPast", "edge24m", "trackingOrphan":
			in = true
		case "trackingUnlinked":
			in, tc.Unlinked, tc.Archived = true, true, day(2023, 8, 15)
		case "unlinkedEdge":
			in, tc.Unlinked = true, true
		default:
			if c.Deleted || !c.plain() {
				break
			}
			switch {
			case c.Group.tracked():
				in = c.End.IsZero() || !c.End.Before(portalRetentionStart)
			case !c.KDVUntil.IsZero() && c.KDVUntil.After(day(2024, 9, 15)):
				// Came up from the KDV into the BSO: archived in KIJK! when
				// it left the KDV, within the last two years.
				in, tc.Group, tc.Archived = true, o.toddlerGroup(c.Group.Location), c.KDVUntil
			}
		}
		if !in {
			continue
		}
		tc.VVE = c.VVE
		if tc.Archived.After(asOf) {
			tc.Archived = time.Time{} // notice given: still active in KIJK!
		}
		if c.Scenario == "plainBSNKey" {
			tc.Link = c.BSN // the child number field holds the BSN
		}
		ref := asOf.AddDate(0, 0, -1)
		if !tc.Archived.IsZero() && tc.Archived.Before(ref) {
			ref = tc.Archived
		}
		if s := o.staffAt(tc.Group, ref); s != nil {
			tc.Mentor = s.name()
		} else {
			tc.Mentor = o.formerStaffName()
		}
		c.Tracking = tc
		o.Tracking = append(o.Tracking, tc)
	}
	slices.SortStableFunc(o.Tracking, func(a, b *TrackingChild) int {
		return cmp.Or(a.Child.Start.Compare(b.Child.Start), cmp.Compare(a.Child.ID, b.Child.ID))
	})
	for i, tc := range o.Tracking {
		tc.ID = fmt.Sprintf("KJ%04d", i+1)
	}

	key := func(name string) func() string { return func() string { return o.scenario[name].Tracking.ID } }
	o.expect(chkRetTracking, "tracking_children", key("bsn2021"), "care ended and archived 2021-12-31: past 24 months")
	o.expect(chkRetTracking, "tracking_children", key("bsnDayPast"), "care ended and archived 2024-08-31: one day past 24 months")
	o.expect(chkRetTracking, "tracking_children", key("trackingUnlinked"), "no child number in KIJK!; archived 2023-08-15")
	o.expect(chkRetTracking, "tracking_children", key("trackingOrphan"), "child number no longer in Kidsadmin; archived 2018-07-20")
	o.absent(chkRetTracking, "tracking_children", key("edge24m"), "care ended and archived 2024-09-01: exactly 24 months")
	o.absent(chkRetTracking, "tracking_children", key("unlinkedEdge"), "no child number; archived 2024-09-01: exactly 24 months")

	o.expect(chkChildUnknown, "tracking_children", key("trackingUnlinked"), "no child number in KIJK!")
	o.expect(chkChildUnknown, "tracking_children", key("unlinkedEdge"), "no child number in KIJK!")
	o.expect(chkChildUnknown, "tracking_children", key("trackingOrphan"), "child number deleted from Kidsadmin")
	o.expect(chkChildUnknown, "tracking_children", key("plainBSNKey"), "the child number field holds the BSN")
	o.expect(chkBSNIdentifier, "tracking_children", key("plainBSNKey"), "KIJK!'s child number field holds the child's BSN")
	o.expect(chkBSNOutside, "tracking_children", constKey("Kindnummer"), "KIJK!'s child number column holds a BSN")
	o.absent(chkChildUnknown, "tracking_children", key("edge24m"), "linked to Kidsadmin")

	// Accuracy: KIJK! spells one last name differently.
	variants := map[string]string{"Jansen": "Janssen", "Meijer": "Meyer", "Dijkstra": "Dykstra", "de Bruijn": "de Bruin", "Smit": "Smid", "de Jong": "de Jongh"}
	for _, tc := range o.Tracking {
		c := tc.Child
		if v, ok := variants[c.Last]; ok && c.Scenario == "" && c.End.IsZero() && !tc.Unlinked {
			tc.Last = v
			o.expect(chkChildMismatch, "tracking_children", func() string { return tc.ID },
				fmt.Sprintf("last name %q in KIJK!, %q in Kidsadmin (%s)", v, c.Last, c.ID))
			break
		}
	}
	// KIJK! exports the tussenvoegsel in a column of its own, Kidsadmin
	// inside the last name: the same name.
	for _, tc := range o.Tracking {
		c := tc.Child
		if prefix, _ := splitPrefix(c.Last); prefix != "" && tc.Last == "" && c.Scenario == "" && c.End.IsZero() && !tc.Unlinked {
			o.absent(chkChildMismatch, "tracking_children", func() string { return tc.ID },
				fmt.Sprintf("tussenvoegsel %q in its own KIJK! column, inside the last name in Kidsadmin (%s): same name", prefix, c.ID))
			break
		}
	}

	o.buildObservations()
	o.buildTransfers()
}

var devLines = []string{"Taal", "Rekenen", "Motoriek", "Sociaal-emotioneel", "Zelfredzaamheid", "Spel"}

func (o *Org) buildObservations() {
	for _, tc := range o.Tracking {
		c := tc.Child
		end := asOf
		if !tc.Archived.IsZero() {
			end = tc.Archived
		}
		for _, m := range []int{6, 12, 18, 24, 30, 36, 42} {
			d := c.Birth.AddDate(0, m, 7+o.intn(21))
			if d.Before(c.Start.AddDate(0, 1, 0)) || d.After(end) || !d.Before(asOf) {
				continue
			}
			if tc.Group.Kind == "PO" && m < 24 {
				continue
			}
			var lines []string
			for _, i := range o.r.Perm(len(devLines))[:2+o.intn(3)] {
				lines = append(lines, devLines[i])
			}
			slices.Sort(lines)
			author := tc.Mentor
			if s := o.staffAt(tc.Group, d); s != nil && o.chance(0.3) {
				author = s.name()
			}
			o.Observations = append(o.Observations, &Observation{TC: tc, Date: d, Author: author,
				Moment: fmt.Sprintf("%d;%d", m/12, m%12), Lines: strings.Join(lines, "; ")})
		}
	}
	slices.SortStableFunc(o.Observations, func(a, b *Observation) int {
		return cmp.Or(cmp.Compare(a.TC.ID, b.TC.ID), a.Date.Compare(b.Date))
	})
}

var vvePrograms = []string{"Uk & Puk", "Kaleidoscoop", "Piramide", "Startblokken"}

// schoolAge: a child who left at 3 years and 9 months or older left for
// primary school.
func schoolAge(c *Child, left time.Time) bool { return !left.Before(c.Birth.AddDate(0, 45, 0)) }

func (o *Org) buildTransfers() {
	for _, tc := range o.Tracking {
		c := tc.Child
		if tc.Archived.IsZero() || tc.Archived.After(asOf) {
			continue
		}
		if c.School == "" && tc.VVE && schoolAge(c, tc.Archived) && c.Scenario == "" {
			c.School = pick(o, schools) // a VVE child who left at school age goes with a transfer
		}
		if c.School == "" || c.Scenario == "plainVVENoTransfer" || c.Scenario == "plainVVEEdge45" {
			continue
		}
		sent := tc.Archived.AddDate(0, 0, -5-o.intn(16))
		t := &Transfer{TC: tc, School: c.School, Sent: sent, Consent: sent.AddDate(0, 0, -3-o.intn(28)),
			Attachments: "Overdrachtsformulier"}
		switch n := o.intn(10); {
		case n < 7:
			t.Channel = "KIJK!"
		case n < 9:
			t.Channel = "e-mail"
		default:
			t.Channel = "papier"
		}
		if tc.VVE {
			t.Programme = pick(o, vvePrograms)
			t.Duration = pick(o, []string{"2 jaar", "18 maanden", "1 jaar", "2,5 jaar"})
			if c.Scenario == "plainVVENoProgramme" {
				t.Programme = ""
			}
		}
		o.Transfers = append(o.Transfers, t)
	}
	slices.SortStableFunc(o.Transfers, func(a, b *Transfer) int {
		return cmp.Or(a.Sent.Compare(b.Sent), cmp.Compare(a.TC.ID, b.TC.ID))
	})
	key := func(t *Transfer) func() string { return func() string { return t.TC.ID + "/" + isoDate(t.Sent) } }
	n, vveOnly := 0, false
	for _, t := range o.Transfers {
		if t.Sent.Before(day(2025, 1, 1)) || t.TC.Child.Scenario != "" {
			continue
		}
		n++
		if n > 5 && t.TC.VVE && !vveOnly {
			// Only the VVE programme and duration: a legal duty, no consent.
			vveOnly = true
			t.Consent, t.Attachments = time.Time{}, "Alleen VVE-programma en -duur"
			o.absent(chkTransferConsent, "tracking_transfers", key(t), "only the VVE programme and duration passed on, without consent: a legal duty")
			continue
		}
		switch n {
		case 2:
			t.Consent = time.Time{}
			o.expect(chkTransferConsent, "tracking_transfers", key(t), fmt.Sprintf("sent to %s on %s without signed consent", t.School, isoDate(t.Sent)))
		case 3:
			t.Consent = t.Sent
			o.absent(chkTransferConsent, "tracking_transfers", key(t), "consent signed the day it was sent")
		case 5:
			t.Consent = t.Sent.AddDate(0, 0, 4)
			o.expect(chkTransferConsent, "tracking_transfers", key(t), fmt.Sprintf("sent %s, consent signed only %s", isoDate(t.Sent), isoDate(t.Consent)))
		}
	}

	sk := func(name string) func() string { return func() string { return o.scenario[name].Tracking.ID } }
	o.expect(chkVVETransfer, "tracking_children", sk("plainVVENoTransfer"), "VVE child left 2026-06-30 at school age, no transfer")
	o.expect(chkVVETransfer, "tracking_children", sk("plainVVEEdge45"), "VVE child left 2026-04-15, exactly 3 years 9 months old, no transfer")
	o.expect(chkVVETransfer, "tracking_children", sk("plainVVENoProgramme"), "transfer without the VVE programme")
	o.absent(chkVVETransfer, "tracking_children", sk("plainVVEYoung"), "VVE child left 2026-03-09, a day before 3 years 9 months: moved, not to school")
	for _, t := range o.Transfers {
		if t.TC.VVE && t.TC.Child.Scenario == "" {
			o.absent(chkVVETransfer, "tracking_children", constKey(t.TC.ID), "VVE transfer with programme and duration")
			break
		}
	}
}
