package profiles

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/values"
	"github.com/avgaudit/avgaudit/vocab"
)

// Sheet is what Match looks at: a header row, the file and sheet names
// around it and, when known, the values under each header.
type Sheet struct {
	Header []string
	Names  string   // the file and sheet names ("Kidsadmin/kinderen.csv")
	Values []Values // per header cell; nil when only the header is known
	// Product is the product the file and sheet names name ("Flexkids"
	// of "Flexkids_Gebruikers.csv"), if any.
	Product string

	shapes []shape
	names  map[int]nameLink  // per header, keys.namesChildren of its values
	links  map[int][2]string // per header, keys.linkOf of its values
}

// linkOf is keys.linkOf of header i's values, computed once per sheet.
func (s *Sheet) linkOf(i int, keys Keys) (string, string) {
	if s.links == nil {
		s.links = map[int][2]string{}
	}
	l, ok := s.links[i]
	if !ok {
		l[0], l[1] = keys.linkOf(s.values(i))
		s.links[i] = l
	}
	return l[0], l[1]
}

// nameLink is what Keys.namesChildren says of a column.
type nameLink struct {
	share float64
	sep   string
}

// namesChildren is keys.namesChildren of header i's values, computed once
// per sheet (the keys do not change while a sheet is matched).
func (s *Sheet) namesChildren(i int, keys Keys) (float64, string) {
	if s.names == nil {
		s.names = map[int]nameLink{}
	}
	nl, ok := s.names[i]
	if !ok {
		nl.share, nl.sep = keys.namesChildren(s.values(i))
		s.names[i] = nl
	}
	return nl.share, nl.sep
}

func (s *Sheet) shape(i int) shape {
	if s.shapes == nil {
		s.shapes = make([]shape, len(s.Header))
		for j := range s.Header {
			if j < len(s.Values) {
				s.shapes[j] = s.Values[j].shape()
			}
		}
	}
	return s.shapes[i]
}

func (s *Sheet) values(i int) Values {
	if i < len(s.Values) {
		return s.Values[i]
	}
	return Values{}
}

// minWordSimilarity is the least similarity of a header's words to a
// column's known names that maps the header to the column.
const minWordSimilarity = 0.6

// Scores of the ways a header is matched: its column's own name, one of
// its known names (normalised), its words; a word match scores its
// similarity times wordFactor, so a known name wins over an equally good
// word match.
const (
	scoreCanonical = 1.05
	scoreExact     = 1.0
	wordFactor     = 0.98
	valueBonus     = 0.05
)

// synonymSets caches, per table and column, the concept sets of the
// column's known names.
var synonymSets = func() map[string]map[string][]synonymSet {
	out := map[string]map[string][]synonymSet{}
	for _, t := range model.Tables {
		m := map[string][]synonymSet{}
		for _, c := range t.Columns {
			var sets []synonymSet
			for k, syn := range Synonyms(t.Name, c.Name) {
				if k == 0 && childKeys[c.Name] {
					continue // "child_id" is the administration's number, not any child id
				}
				for _, v := range conceptVariants(t.Name, syn) {
					sets = append(sets, synonymSet{syn, v})
				}
			}
			m[c.Name] = sets
		}
		out[t.Name] = m
	}
	return out
}()

// synonymSet is one known name of a column and its concepts.
type synonymSet struct {
	name     string
	concepts []string
}

// wordSimilarity is the best similarity of a header's concept variants to
// the known names of column, and that name.
func wordSimilarity(table, column string, variants [][]string) (float64, string) {
	best, name := 0.0, ""
	for _, hv := range variants {
		for _, sv := range synonymSets[table][column] {
			// on a tie, name the known name of the most similar length
			if s := similarity(hv, sv.concepts); s > best || (s == best && s > 0 && closerLength(sv.name, name, hv)) {
				best, name = s, sv.name
			}
		}
	}
	return best, name
}

// childKeys are the columns whose own names do not say which system's
// child number they are.
var childKeys = map[string]bool{"child_id": true, "portal_child_id": true, "tracking_child_id": true}

// qualifierConcepts say whose value a header is ("Voornaam kind",
// "E-mailadres ouder 1"); per table the ones that may be left out.
var qualifierConcepts = map[string]string{
	"admin_children":    "child",
	"portal_children":   "child",
	"tracking_children": "child",
	"admin_guardians":   "parent",
	"portal_guardians":  "parent",
	"staff":             "employee",
}

// conceptVariants are the concept sets a header is tried under: its own,
// without its part in brackets and that part alone ("Rekeningnr. (IBAN)",
// "Meldplichtig (j/n)"), and without a qualifier of the table.
func conceptVariants(table, header string) [][]string {
	var bases []string
	if open := strings.IndexByte(header, '('); open > 0 {
		inner, _, _ := strings.Cut(header[open+1:], ")")
		bases = append(bases, header[:open], inner)
	}
	bases = append(bases, header)
	var out [][]string
	for _, b := range bases {
		cs := conceptsIn(b, table)
		if len(cs) == 0 {
			continue
		}
		if m := contractMeans[table]; m != "" {
			for k, c := range cs {
				if c == "contract" {
					cs[k] = m // a staff export's contract is the employment, a child's the care
				}
			}
		}
		out = append(out, cs)
		if v := datedInOut(cs); v != nil {
			cs = v // "Datum in", "DATUM_UIT": the start and the end
			out = append(out, cs)
		}
		if m := impliedBy[table]; m != "" && !slices.Contains(cs, m) && (slices.Contains(cs, "start") || slices.Contains(cs, "end") || (len(cs) == 1 && cs[0] == "category")) {
			// a children export's only start and end are of the care,
			// and so is its only kind ("Soort")
			out = append(out, append(slices.Clone(cs), m))
		}
		if v := tableEvent(table, cs); v != nil {
			out = append(out, v)
		}
		if v := eventStart(cs); v != nil {
			out = append(out, v)
		}
		if q := qualifierConcepts[table]; q != "" && len(cs) > 1 {
			var without []string
			for _, c := range cs {
				if c != q {
					without = append(without, c)
				}
			}
			if len(without) < len(cs) {
				out = append(out, without)
			}
		}
	}
	return out
}

// contractMeans is what a contract is in a table's exports: the
// employment of staff, the care of a child.
var contractMeans = map[string]string{"staff": "employed", "prk_links": "employed", "admin_children": "care", "portal_children": "care"}

// events are, per table of records of one kind, that kind and the event
// its date is: the date of a transfer ("Datum overdracht") is when it was
// sent, of a request when it was received.
var events = map[string][2]string{
	"tracking_transfers": {"transfer", "sent"},
	"requests":           {"request", "received"},
	"complaints":         {"complaint", "received"},
	"breaches":           {"breach", "discovered"},
	"social_posts":       {"post", "posted"},
	"portal_photos":      {"photo", "posted"},
	"admin_invoices":     {"invoice", "date"},
}

// tableEvent reads a header that is only the date of the table's kind of
// record as the date of its event; nil when it is not.
func tableEvent(table string, cs []string) []string {
	ev, ok := events[table]
	if !ok || !slices.Contains(cs, "date") || !slices.Contains(cs, ev[0]) {
		return nil
	}
	out := []string{"date"}
	for _, c := range cs {
		switch {
		case c == "date" || c == ev[0]:
		case whose[c]:
		default:
			return nil
		}
	}
	if ev[1] != "date" {
		out = append(out, ev[1])
	}
	return out
}

// datedInOut reads a date "in" or "uit" (out) as a start or an end when
// the header names neither ("Datum in", "DATUM_UIT"); nil when it is not
// such a header.
func datedInOut(cs []string) []string {
	if !slices.Contains(cs, "date") || slices.Contains(cs, "start") || slices.Contains(cs, "end") {
		return nil
	}
	var out []string
	found := false
	for _, c := range cs {
		switch c {
		case "in":
			c, found = "start", true
		case "out":
			c, found = "end", true
		}
		out = append(out, c)
	}
	if !found {
		return nil
	}
	return out
}

// impliedBy is the concept a table's start and end dates are of when a
// header names no other: a child's placement.
var impliedBy = map[string]string{"admin_children": "care", "portal_children": "care"}

// eventStart reads the date of an event that lasts ("Datum plaatsing",
// "Datum dienstverband") as its start when the header says neither start
// nor end: a placement's date is the day it began.
func eventStart(cs []string) []string {
	if !slices.Contains(cs, "date") || slices.Contains(cs, "start") || slices.Contains(cs, "end") {
		return nil
	}
	if !slices.Contains(cs, "care") && !slices.Contains(cs, "employed") {
		return nil
	}
	return append(slices.Clone(cs), "start")
}

// idConcepts say that a header is a number or code of something.
var idConcepts = map[string]bool{"id": true, "number": true, "code": true, "reference": true, "key": true}

// idHeader reports whether a header's words say it is a number or code
// ("Contractnummer", "Bitcare ID").
func idHeader(cs []string) bool {
	for _, c := range cs {
		if idConcepts[c] {
			return true
		}
	}
	return false
}

// numbered are the columns other than identifiers that a header with a
// number in its words may be: "Telefoonnummer", "Rekeningnummer",
// "Huisnummer", "Groepsnummer".
var numbered = map[string]bool{"phone": true, "iban": true, "address": true, "bsn": true, "postcode": true, "system": true,
	"vendor": true, "path": true, "location": true, "group_name": true, "groups": true, "access_scope": true}

// childLinks is the one column of table t that names a child, when it has
// exactly one (portal_consents.portal_child_id, social_posts.child_id), or
// the key of a system's own children (portal_children.portal_child_id). A
// child column that is only part of the key (admin_guardians: guardian_id
// and child_id) is a link, not the table's own children.
func childLinks(t *model.Table) string {
	link := ""
	ownKey := len(t.KeyColumns()) == 1
	for _, c := range t.Columns {
		if childKeys[c.Name] && c.Key && ownKey {
			return c.Name // a system's own children: its number is the key
		}
		if childKeys[c.Name] {
			if link != "" {
				return ""
			}
			link = c.Name
		}
	}
	return link
}

// childRefConcepts are the words a header naming a child's number may
// have besides the child and the number.
var childRefConcepts = map[string]bool{"child": true, "admin": true, "portal": true, "tracking": true, "person": true}

// childRef scores a header as the child's number of a table that names
// one child: its words are a child and a number ("Child ref", "Kindnr"),
// or a product's id ("Bitcare ID" in a Bitcare export), or a child and
// words the lexicon does not know ("Children tagged"), and its values are
// numbers or codes, not names.
func childRef(h, product string, sh shape) (float64, vocab.Text) {
	if sh.filled == 0 || sh.idShare < 0.8 || sh.nameShare >= 0.5 {
		return 0, vocab.Text{}
	}
	if product != "" {
		if i := strings.Index(strings.ToLower(h), strings.ToLower(product)); i >= 0 {
			h = h[:i] + " " + h[i+len(product):]
		}
	}
	var child, id bool
	for _, c := range Concepts(h) {
		switch {
		case c == "child":
			child = true
		case idConcepts[c]:
			id = true
		case childRefConcepts[c]:
		case isConcept(c):
			return 0, vocab.Text{} // another known word: "Transfer nr", "Post"
		}
	}
	switch {
	case child && id:
		return 0.85, vocab.Text{NL: "woorden: het nummer van een kind; waarden: nummers of codes", EN: "words: a child's number; values: numbers or codes"}
	case child:
		return 0.8, vocab.Text{NL: "woorden: een kind; waarden: nummers of codes", EN: "words: a child; values: numbers or codes"}
	case id && product != "":
		return 0.75, vocab.Textf("woorden: het %s-nummer; waarden: nummers of codes", "words: the %s number; values: numbers or codes", product)
	}
	return 0, vocab.Text{}
}

// isConcept reports whether c is a concept of the lexicon, not an unknown
// word.
func isConcept(c string) bool {
	_, ok := concepts[c]
	return ok
}

// headerScore is how well header means column of table, and why.
func headerScore(table, column, header string, variants [][]string) (float64, vocab.Text) {
	switch {
	case strings.EqualFold(strings.TrimSpace(header), column):
		return scoreCanonical, vocab.Text{NL: "de eigen naam van de kolom", EN: "the column's own name"}
	case index[table][Key(header)] == column:
		return scoreExact, vocab.Text{NL: "een bekende naam", EN: "a known name"}
	}
	best, name := wordSimilarity(table, column, variants)
	if best < minWordSimilarity {
		if coveredOnlyBy(table, column, variants) {
			return minWordSimilarity * wordFactor, vocab.Text{NL: "de enige kolom van de tabel met al deze woorden in haar namen", EN: "the only column of the table with all these words in its names"}
		}
		return 0, vocab.Text{}
	}
	return best * wordFactor, vocab.Textf("woorden als in %q", "words as in %q", name)
}

// columnWords are, per table and column, the concepts of all its known
// names together (of the names whose words the lexicon all knows).
var columnWords = func() map[string]map[string]map[string]bool {
	out := map[string]map[string]map[string]bool{}
	for table, cols := range synonymSets {
		out[table] = map[string]map[string]bool{}
		for col, sets := range cols {
			m := map[string]bool{}
			for _, set := range sets {
				known := true
				for _, c := range set.concepts {
					known = known && isConcept(c)
				}
				if !known {
					continue // a name the lexicon does not read in full says nothing here
				}
				for _, c := range set.concepts {
					m[c] = true
				}
			}
			out[table][col] = m
		}
	}
	return out
}()

// coveredOnlyBy reports whether column is the one column of table whose
// known names together have every word of a header (of one of its
// variants) that tells something, all of them known words: "Ziet
// groepen" (access, group) is an account's access scope, "Meldplichtig
// AP?" (reportable, authority) whether a breach is reportable, "Impact" its
// effects, although no single known name has all of those words.
func coveredOnlyBy(table, column string, variants [][]string) bool {
	for _, hv := range variants {
		var telling []string
		ok := true
		for _, c := range hv {
			switch {
			case !isConcept(c):
				ok = false
			case weight(c) >= 1 && !entities[c]:
				telling = append(telling, c)
			}
		}
		if !ok || len(telling) == 0 {
			continue
		}
		var by []string
		for col, words := range columnWords[table] {
			all := true
			for _, c := range hv {
				all = all && (words[c] || entities[c])
			}
			if all {
				by = append(by, col)
			}
		}
		if len(by) == 1 && by[0] == column {
			return true
		}
	}
	return false
}

// pair is one possible mapping of a header onto a column.
type pair struct {
	i     int
	col   string
	order int // the column's place in the table
	score float64
	why   vocab.Text
}

// fit maps a sheet onto table t: each header scored against each column
// by its words and values, then the best pairs taken first, each header
// and column once. A required column no header's words name is then
// filled by values alone (a column of yes/no answers for the one yes/no
// column left), and for one still missing the headers most like it are
// kept as hints.
func fit(t *model.Table, s *Sheet, keys Keys) Candidate {
	c := Candidate{Table: t.Name, Columns: map[int]string{}, Total: len(t.Columns), Why: map[int]vocab.Text{}}
	var pairs []pair
	vetoes := map[int][]vocab.Text{}
	if t.Name == "portal_consents" {
		c.Unpivot = questions(s)
	}
	link := childLinks(t)
	for i, h := range s.Header {
		if strings.TrimSpace(h) == "" {
			continue
		}
		if c.Unpivot != nil {
			if _, q := c.Unpivot.Columns[i]; q {
				continue
			}
		}
		variants := conceptVariants(t.Name, h)
		sh := s.shape(i)
		for ci := range t.Columns {
			col := &t.Columns[ci]
			if c.Unpivot != nil && (col.Name == "consent_type" || col.Name == "granted") {
				continue
			}
			if c.Unpivot != nil && col.Name == "recorded_at" && changedWords(h) {
				// a wide export's last change is the row's, not when
				// each answer was given
				continue
			}
			score, why := headerScore(t.Name, col.Name, h, variants)
			if score > 0 && score < scoreExact && idHeader(variants[len(variants)-1]) && !identifying(col) && !numbered[col.Name] {
				score = 0 // "Contractnummer" is no kind of care, "Bitcare ID" no end date
			}
			if col.Name == link && score < 0.85 {
				if cs, cwhy := childRef(h, s.Product, sh); cs > score {
					score, why = cs, cwhy
				}
			}
			if col.Key && childKeys[col.Name] && score > 0 && score < scoreCanonical {
				if lk, _ := s.linkOf(i, keys); lk != "" && lk != col.Name && childKeys[lk] {
					// another system's child numbers ("KindPlan no." in the
					// portal's children): the link, not this system's own key
					continue
				}
			}
			if t.Name == "processors" && col.Name == "system" && len(keys.products()) > 0 {
				// the register's name for a product the exports come from
				if n := namesProducts(s.values(i), keys.products()); n > 0 {
					score, why = max(score, 0.95), vocab.Text{NL: "waarden: de producten waar de exports uit komen", EN: "values: the products the exports come from"}
				} else if anyNamesProducts(s, keys.products()) {
					score = 0
				}
			}
			fv, vwhy := sh.fits(col)
			if col.Name == "child_id" && link == "child_id" && t.Name != "admin_children" {
				if share, _ := s.namesChildren(i, keys); share >= 0.5 && sh.nameShare >= 0.3 {
					// a register naming the children: looked up by name
					pairs = append(pairs, pair{i: i, col: col.Name, order: ci, score: max(score, 0.85),
						why: vocab.Text{NL: "waarden: namen van kinderen van de administratie (opgezocht: lookup: {child_id: name})", EN: "values: names of the administration's children (looked up: lookup: {child_id: name})"}})
					continue
				}
			}
			if score > 0 && fv < 0 && (score < scoreCanonical || col.Type == model.Enum) {
				if b := yesNoSibling(t, col, sh); b != "" {
					// "DPA signed" with Yes/No: not the date, the yes/no of it
					pairs = append(pairs, pair{i: i, col: b, order: ci, score: score * 0.95,
						why: vocab.Textf("woorden als voor %s, waarden: ja/nee-antwoorden, dus %s", "words as for %s, values: yes/no answers, so %s", col.Name, b)})
					continue
				}
				vetoes[i] = append(vetoes[i], vocab.Textf("%s: de kolomkop klinkt als %s, maar %s%s", "%s: its header sounds like %s, but %s%s", h, col.Name, vwhy, otherFit(t, col, sh)))
				continue
			}
			if score == 0 {
				score, why = valueOnly(t, col, s, i, keys)
			} else if fv > 0 {
				score += valueBonus
				why = why.Plus(vocab.Same("; ")).Plus(vwhy)
			} else if lk, from := s.linkOf(i, keys); linksTo(lk, col.Name, link) && keyOwners[t.Name] != col.Name {
				score += valueBonus
				why = why.Plus(vocab.Textf("; waarden: de %s-sleutels van %s", "; values: the %s keys of %s", lk, from))
			}
			if score > 0 {
				pairs = append(pairs, pair{i: i, col: col.Name, order: ci, score: score, why: why})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool {
		pa, pb := pairs[a], pairs[b]
		if pa.score != pb.score {
			return pa.score > pb.score
		}
		if pa.i != pb.i {
			return pa.i < pb.i
		}
		return pa.order < pb.order
	})
	taken := map[string]bool{}
	if c.Unpivot != nil {
		taken["consent_type"], taken["granted"] = true, true
	}
	for _, p := range pairs {
		if _, used := c.Columns[p.i]; used || taken[p.col] {
			continue
		}
		c.Columns[p.i], c.Why[p.i], taken[p.col] = p.col, p.why, true
	}
	dropped := keyIsLink(t, s, &c, taken)
	c.keyDropped = dropped
	nameTheSystem(t, s, &c, taken)
	if len(taken) >= MinColumns {
		fillByType(t, s, &c, taken, dropped)
	}
	for i, col := range c.Columns {
		if col == "child_id" && link == "child_id" && t.Name != "admin_children" && s.shape(i).nameShare >= 0.3 {
			if share, sep := s.namesChildren(i, keys); share >= 0.5 {
				c.Lookup = map[string]string{"child_id": "name"}
				if sep != "" {
					if c.Split == nil {
						c.Split = map[string]string{}
					}
					c.Split[col] = sep
				}
				continue
			}
		}
		if sh := s.shape(i); sh.listShare >= 0.05 && childKeys[col] {
			if c.Split == nil {
				c.Split = map[string]string{}
			}
			c.Split[col] = sh.listSep
		}
	}
	for i := range s.Header {
		if _, ok := c.Columns[i]; !ok && strings.TrimSpace(s.Header[i]) != "" {
			c.Unplaced = append(c.Unplaced, i)
			c.Notes = append(c.Notes, vetoes[i]...)
		}
	}
	c.Matched = len(taken) - len(c.Fixed) // a fixed value is no column of the export
	for _, col := range t.Columns {
		if !taken[col.Name] && col.Required && !col.RowKey {
			// a record number the export lacks is its row (model.RowKey)
			c.Missing = append(c.Missing, col.Name)
		}
	}
	c.Hints, c.HintScore = hints(t, s, c, keys)
	if owner, ok := keyOwners[t.Name]; ok && len(keys) > 0 {
		for i := range s.Header {
			if lk, _ := s.linkOf(i, keys); lk == owner && c.Columns[i] != owner {
				for _, col := range c.Columns {
					c.Foreign = c.Foreign || col == owner // its own key is another column
				}
			}
		}
	}
	nameKey := Key(s.Names)
	for _, h := range tableHints[t.Name] {
		if strings.Contains(nameKey, Key(h)) {
			c.Hinted = true
		}
	}
	return c
}

// otherFit names, for a header whose values do not suit the column its
// words name, the column of the table they do suit: references in a
// yes/no column are the consent_reference.
func otherFit(t *model.Table, col *model.Column, sh shape) vocab.Text {
	if sh.refShare < 0.8 {
		return vocab.Text{}
	}
	for i := range t.Columns {
		o := &t.Columns[i]
		if o.Name != col.Name && o.Type == model.Text && hasConcept(o.Name, "reference") {
			return vocab.Textf("; ze passen bij %s", "; they fit %s", o.Name)
		}
	}
	return vocab.Text{}
}

// yesNoSibling is, for a date column whose header has yes/no answers
// under it, the yes/no column of the table about the same thing
// (agreement_signed_at: agreement_present; consent_signed_at:
// consent_given); "" when there is none.
func yesNoSibling(t *model.Table, col *model.Column, sh shape) string {
	if (col.Type != model.Date && col.Type != model.Timestamp) || (sh.boolShare < 0.9 && sh.checkbox == "" && (sh.status < 0.6 || sh.dateShare >= 0.5)) {
		return ""
	}
	subject := strings.SplitN(col.Name, "_", 2)[0]
	for _, o := range t.Columns {
		if o.Type == model.Bool && strings.SplitN(o.Name, "_", 2)[0] == subject {
			return o.Name
		}
	}
	// the same word in another form: reported_to_ap_at and reportable
	for _, o := range t.Columns {
		if other := strings.SplitN(o.Name, "_", 2)[0]; o.Type == model.Bool && len(other) >= 6 && len(subject) >= 6 && other[:6] == subject[:6] {
			return o.Name
		}
	}
	return ""
}

// hasConcept reports whether a column name has concept among its words.
func hasConcept(name, concept string) bool {
	for _, c := range Concepts(strings.ReplaceAll(name, "_", " ")) {
		if c == concept {
			return true
		}
	}
	return false
}

// valueOnly scores a header whose words do not name col by its values
// alone: the keys of another export are its link, valid BSNs a BSN,
// consent questions the consent type, references a reference column.
func valueOnly(t *model.Table, col *model.Column, s *Sheet, i int, keys Keys) (float64, vocab.Text) {
	sh := s.shape(i)
	if sh.filled == 0 {
		return 0, vocab.Text{}
	}
	if lk, from := s.linkOf(i, keys); linksTo(lk, col.Name, childLinks(t)) && keyOwners[t.Name] != col.Name {
		if sh.nameShare < 0.5 && lk == col.Name {
			return 0.9, vocab.Textf("waarden: de %s-sleutels van %s", "values: the %s keys of %s", lk, from)
		}
		if sh.nameShare < 0.5 {
			// another system's child numbers: the link when no header
			// names this system's own
			return 0.7, vocab.Textf("waarden: de %s-sleutels van %s", "values: the %s keys of %s", lk, from)
		}
	}
	switch {
	case sh.contact != "" && sh.contact == col.Name && sh.bsnShare < 0.5:
		return 0.85, vocab.Textf("waarden: de vorm van %s", "values: the form of %s", col.Name)
	case col.Type == model.BSN && sh.bsnShare >= 0.8 && sh.filled >= 2:
		return 0.9, textBSNs
	case col.Name == "consent_type" && sh.consentQuestions():
		return 0.9, textConsentQuestions
	case col.Type == model.Text && sh.refShare >= 0.8 && hasConcept(col.Name, "reference"):
		if best, name := wordSimilarity(t.Name, col.Name, conceptVariants(t.Name, s.Header[i])); best >= 0.3 {
			return 0.8, vocab.Textf("waarden: kenmerken (%q); woorden deels als in %q", "values: references (%q); words partly as in %q", sh.refShape, name)
		}
	}
	return 0, vocab.Text{}
}

// fillByType maps a column no header's words named to the one header left
// whose values have the column's type, when exactly one does: a required
// date or yes/no column, or the table's only yes/no column left (a
// checkbox of "x" and blanks is one). The mapping is marked for review.
func fillByType(t *model.Table, s *Sheet, c *Candidate, taken map[string]bool, dropped bool) {
	if s.Values == nil {
		return
	}
	freeBools := 0
	for _, col := range t.Columns {
		if col.Type == model.Bool && !taken[col.Name] {
			freeBools++
		}
	}
	for ci := range t.Columns {
		col := &t.Columns[ci]
		if taken[col.Name] {
			continue
		}
		if col.Key {
			if !dropped { // not the key another column was just found to be a link for
				fillKey(t, s, c, taken, col)
			}
			continue
		}
		ident := col.Required && col.Type == model.Text && identifying(col) && !childKeys[col.Name] && col.Name != "username"
		partly := false // a date column no header's words named in full
		switch {
		case col.Type == model.Bool && (col.Required || freeBools == 1):
		case (col.Type == model.Date || col.Type == model.Timestamp) && col.Required:
		case ident:
		case col.Type == model.Date || col.Type == model.Timestamp:
			partly = true
		default:
			continue
		}
		var fits []int
		for i, h := range s.Header {
			if _, used := c.Columns[i]; used || strings.TrimSpace(h) == "" || c.isQuestion(i) {
				continue
			}
			if ident {
				if sh := s.shape(i); sh.idShare >= 0.9 && sh.listShare < 0.05 && sh.refShare >= 0.8 {
					fits = append(fits, i)
				}
				continue
			}
			if contradicts(t, col, h) {
				continue // "Betrokkenen ingelicht" is no high risk, whatever its values
			}
			if c.Unpivot != nil && col.Name == "recorded_at" && changedWords(h) {
				continue // a wide export's last change is the row's, not when each answer was given
			}
			if col.Type == model.Bool && !col.Required {
				// an optional yes/no column by its values alone needs a
				// word in common: "Herkenbaar? (Y/N)" is no written consent
				if sim, _ := wordSimilarity(t.Name, col.Name, conceptVariants(t.Name, h)); sim == 0 && !s.shape(i).fitsCheckbox() {
					continue
				}
			}
			if partly {
				// dates whose words share some with the column's names
				// ("Antwoord verstuurd" for the date answered)
				if sim, _ := wordSimilarity(t.Name, col.Name, conceptVariants(t.Name, h)); sim < 0.3 {
					continue
				}
			}
			if fv, _ := s.shape(i).fits(col); fv > 0 && !beforeStart(t, s, c, col, i) {
				fits = append(fits, i)
			}
		}
		if ident && len(fits) > 1 {
			fits = fits[:1] // the record's own number comes first
		}
		if len(fits) > 1 {
			// the one whose words come nearest, if one does
			best, bestSim, second := -1, 0.0, 0.0
			for _, i := range fits {
				sim, _ := wordSimilarity(t.Name, col.Name, conceptVariants(t.Name, s.Header[i]))
				switch {
				case sim > bestSim:
					second, best, bestSim = bestSim, i, sim
				case sim > second:
					second = sim
				}
			}
			if best >= 0 && bestSim >= 0.3 && bestSim-second >= 0.1 {
				fits = []int{best}
			}
		}
		if len(fits) != 1 {
			continue
		}
		i := fits[0]
		_, vwhy := s.shape(i).fits(col)
		if ident {
			vwhy = vocab.Textf("waarden: nummers of codes (%q)", "values: numbers or codes (%q)", s.shape(i).refShape)
		}
		c.Columns[i], taken[col.Name] = col.Name, true
		c.Why[i] = vocab.Textf("%s, de enige zulke kolom die over is voor %s", "%s, the only such column left for %s", vwhy, col.Name)
		c.Review = append(c.Review, i)
	}
}

// beforeStart reports whether header i, a candidate for the end column
// col (care_end), holds dates that lie before those of the start column
// already mapped (care_start; compared by their middle values): an end
// comes after its start, so these are other dates, such as birth dates.
func beforeStart(t *model.Table, s *Sheet, c *Candidate, col *model.Column, i int) bool {
	name, ok := strings.CutSuffix(col.Name, "_end")
	if !ok {
		return false
	}
	for k, mapped := range c.Columns {
		if mapped != name+"_start" {
			continue
		}
		end, ok1 := medianDate(s.values(i))
		start, ok2 := medianDate(s.values(k))
		return ok1 && ok2 && end.Before(start)
	}
	return false
}

// medianDate is the middle one of the dates among v's values.
func medianDate(v Values) (time.Time, bool) {
	var ds []time.Time
	for _, d := range v.Distinct {
		if t, err := values.ParseTimestamp(strings.TrimSpace(d)); err == nil {
			ds = append(ds, t)
		} else if v.Workbook && serialDate(d) {
			t, _ := values.ExcelSerial(d)
			ds = append(ds, t)
		}
	}
	if len(ds) == 0 {
		return time.Time{}, false
	}
	sort.Slice(ds, func(a, b int) bool { return ds[a].Before(ds[b]) })
	return ds[len(ds)/2], true
}

// fillKey maps a key column no header's words named to the one header
// left whose values are all there and all different, and whose words are
// like the key's ("Child Reference" for the child number), marked for
// review.
func fillKey(t *model.Table, s *Sheet, c *Candidate, taken map[string]bool, col *model.Column) {
	var fits []int
	for i, h := range s.Header {
		if _, used := c.Columns[i]; used || strings.TrimSpace(h) == "" {
			continue
		}
		v := s.values(i)
		if v.Rows < 2 || v.Blanks > 0 || v.More || len(v.Distinct) != v.Rows {
			continue
		}
		sim, _ := wordSimilarity(t.Name, col.Name, conceptVariants(t.Name, h))
		if (sim >= 0.3 || abbreviatesKey(t, col, h)) && s.shape(i).nameShare < 0.5 && !contradicts(t, col, h) && !otherEntity(t, col, h) {
			fits = append(fits, i)
		}
	}
	if len(fits) != 1 {
		return
	}
	i := fits[0]
	c.Columns[i], taken[col.Name] = col.Name, true
	c.Why[i] = vocab.Textf("waarden: alle verschillend en geen leeg, de sleutel %s; woorden deels gelijk", "values: all different and none blank, the key %s; words partly alike", col.Name)
	c.Review = append(c.Review, i)
}

// abbreviatesKey reports whether header h is a number or code whose other
// words are abbreviations of words of the key's known names: "PERSNR" is
// pers(oneels)nummer, "Mdw.code" a medew(erker)... code.
func abbreviatesKey(t *model.Table, col *model.Column, h string) bool {
	var cs []string
	for _, c := range Concepts(h) {
		if !isConcept(c) {
			for _, end := range []string{"nr", "no", "id", "code"} {
				if stem, ok := strings.CutSuffix(c, end); ok && len(stem) >= 3 {
					c = stem // "persnr": pers, nr
					cs = append(cs, lexicon[end])
					break
				}
			}
		}
		cs = append(cs, c)
	}
	if !idHeader(cs) {
		return false
	}
	var names []string
	for _, syn := range Synonyms(t.Name, col.Name) {
		for _, w := range words(syn) {
			names = append(names, w.text)
		}
	}
	abbr := 0
	for _, c := range cs {
		if idConcepts[c] {
			continue
		}
		if isConcept(c) || len(c) < 3 {
			return false
		}
		found := false
		for _, n := range names {
			found = found || (len(n) > len(c) && strings.HasPrefix(n, c))
		}
		if !found {
			return false
		}
		abbr++
	}
	return abbr > 0
}

// ownNumbers reports whether header i's values are numbers of records of
// its own: identifiers, all different, none blank, not the keys of another
// export (other than col's own) and not names.
func ownNumbers(s *Sheet, i int, keys Keys, col string) bool {
	v, sh := s.values(i), s.shape(i)
	if v.Rows < 2 || v.Blanks > 0 || v.More || len(v.Distinct) != v.Rows || sh.idShare < 0.9 || sh.listShare > 0 || sh.nameShare >= 0.5 || sh.dateShare >= 0.5 || sh.contact != "" {
		return false
	}
	lk, _ := s.linkOf(i, keys)
	return lk == "" || lk == col
}

// firstHeader is the index of the first header that is not blank.
func firstHeader(s *Sheet) int {
	for i, h := range s.Header {
		if strings.TrimSpace(h) != "" {
			return i
		}
	}
	return -1
}

// maxHints is how many headers are proposed for a missing column.
const maxHints = 3

// hints ranks, per required column still missing, the headers left that
// are most likely to be it: by the words they share with the column's
// names and by whether their values have its type.
func hints(t *model.Table, s *Sheet, c Candidate, keys Keys) (map[string][]string, map[string]float64) {
	if len(c.Missing) == 0 {
		return nil, nil
	}
	out, scores := map[string][]string{}, map[string]float64{}
	hinted := map[int]bool{}
	for _, name := range c.Missing {
		col, _ := t.Column(name)
		type hint struct {
			i     int
			score float64
		}
		var hs []hint
		for _, i := range c.Unplaced {
			if hinted[i] {
				continue // one header is proposed for one column
			}
			best, _ := wordSimilarity(t.Name, name, conceptVariants(t.Name, s.Header[i]))
			fv, _ := s.shape(i).fits(col)
			if col.Key && fv == 0 && !c.keyDropped && ownNumbers(s, i, keys, col.Name) {
				// a record's number: all different, none blank, and no
				// other export's keys; the first column most of all
				fv = 1
				if i == firstHeader(s) {
					best += 0.2
				}
			}
			score := best + 0.3*float64(fv)
			if v := s.values(i); col.MayBeEmpty && v.Blanks > 0 {
				score += 0.1 // an end date is blank while it has not come
			} else if !col.MayBeEmpty && v.Blanks > 0 {
				score -= 0.1
			}
			if fv < 0 || score < 0.2 {
				continue
			}
			hs = append(hs, hint{i, score})
		}
		sort.SliceStable(hs, func(a, b int) bool { return hs[a].score > hs[b].score })
		for k, h := range hs {
			if k == maxHints {
				break
			}
			if k == 0 {
				scores[name] = h.score
			}
			out[name] = append(out[name], s.Header[h.i])
			hinted[h.i] = true
		}
	}
	return out, scores
}

// closerLength reports whether a has about as many concepts as the header
// (hv) and fewer letters than b: the plainer name to show.
func closerLength(a, b string, hv []string) bool {
	da, db := abs(len(Concepts(a))-len(hv)), abs(len(Concepts(b))-len(hv))
	if da != db {
		return da < db
	}
	return len(a) < len(b)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// linksTo reports whether keys of column lk fill column col: the same
// column, or any child's number for the one column of a table that names
// a child (link).
func linksTo(lk, col, link string) bool {
	return lk != "" && (lk == col || (col == link && childKeys[lk]))
}

// contradicts reports whether header h names something other than col:
// its words are all known, and none of them is among col's.
func contradicts(t *model.Table, col *model.Column, h string) bool {
	own := map[string]bool{}
	for _, set := range synonymSets[t.Name][col.Name] {
		for _, c := range set.concepts {
			own[c] = true
		}
	}
	telling := 0
	for _, c := range Concepts(h) {
		if !isConcept(c) {
			return false // a word the lexicon does not know may mean it
		}
		if whose[c] {
			continue
		}
		if own[c] {
			return false
		}
		for o := range own {
			if related[[2]string{c, o}] {
				return false
			}
		}
		telling++
	}
	return telling > 0
}

// entities are the concepts that name whose record something is.
var entities = map[string]bool{"child": true, "parent": true, "employee": true, "applicant": true, "user": true, "vendor": true}

// otherEntity reports whether header h names whose record it is, and col
// is about someone else ("Mdw nr" is no child's number).
func otherEntity(t *model.Table, col *model.Column, h string) bool {
	own := map[string]bool{}
	for _, set := range synonymSets[t.Name][col.Name] {
		for _, c := range set.concepts {
			own[c] = true
		}
	}
	for _, c := range Concepts(h) {
		if entities[c] && !own[c] {
			return true
		}
	}
	return false
}

// whose are concepts that say whose or what kind a value is, not what it
// is: they neither confirm nor contradict a column.
var whose = map[string]bool{"person": true, "child": true, "parent": true, "employee": true, "date": true, "time": true,
	"number": true, "id": true, "code": true, "last_at": true, "first_at": true}

// isQuestion reports whether header i is a question of a wide consent
// export.
func (c *Candidate) isQuestion(i int) bool {
	if c.Unpivot == nil {
		return false
	}
	_, ok := c.Unpivot.Columns[i]
	return ok
}

// keyIsLink drops a key mapped to a header that an earlier identifier
// precedes: a contracts export starting with "Contractnummer" and then
// "Kindnummer" holds contracts, and its child numbers are a link, not the
// key of a children table.
func keyIsLink(t *model.Table, s *Sheet, c *Candidate, taken map[string]bool) (dropped bool) {
	for k, name := range c.Columns {
		col, _ := t.Column(name)
		if !col.Key {
			continue
		}
		if otherKeyFree(t, name, taken) {
			// the earlier identifier may be the other part of the key
			// (a parents' own number before their child's)
			continue
		}
		for j := 0; j < k; j++ {
			if _, used := c.Columns[j]; used {
				continue
			}
			v, sh := s.values(j), s.shape(j)
			if v.Rows < 2 || v.Blanks > 0 || v.More || len(v.Distinct) != v.Rows || sh.idShare < 0.9 {
				continue
			}
			if !idHeader(Concepts(s.Header[j])) {
				continue
			}
			delete(c.Columns, k)
			delete(c.Why, k)
			taken[name] = false
			delete(taken, name)
			c.Notes = append(c.Notes, vocab.Textf("%s: niet de sleutel %s: de rijen zijn genummerd met %s, dus elke rij is een eigen record", "%s: not the key %s: the rows are numbered by %s, so each row is a record of its own", s.Header[k], name, s.Header[j]))
			dropped = true
			break
		}
	}
	return dropped
}

// otherKeyFree reports whether table t has a key column other than name
// that no header was mapped to.
func otherKeyFree(t *model.Table, name string, taken map[string]bool) bool {
	for _, k := range t.KeyColumns() {
		if k != name && !taken[k] {
			return true
		}
	}
	return false
}

// nameTheSystem fills the system a register names: a processors register
// without a system column names it by its processor ("Partij",
// "Vendor"), and a product's own user export (accounts) by the product
// its file name gives, written as a fixed value.
func nameTheSystem(t *model.Table, s *Sheet, c *Candidate, taken map[string]bool) {
	if _, ok := t.Column("system"); !ok || taken["system"] {
		return
	}
	if _, ok := t.Column("vendor"); ok && taken["vendor"] {
		for i, col := range c.Columns {
			if col == "vendor" {
				c.Columns[i], taken["system"] = "system", true
				delete(taken, "vendor")
				c.Why[i] = c.Why[i].Plus(vocab.Text{NL: "; de verwerker noemt het systeem (er is geen kolom voor het systeem)", EN: "; the processor names the system (there is no system column)"})
			}
		}
		return
	}
	if t.Name != "accounts" {
		return
	}
	product := s.Product
	if product == "" {
		// no word of the name is a product by itself ("ouderapp" is
		// parent + app, "EntraID" a name and an id): the first word of the
		// file name, which names the system a user list is exported from
		product = firstNameWord(s.Names)
	}
	if product != "" {
		c.Fixed = map[string]string{"system": product}
		taken["system"] = true
	}
}

// firstNameWord is the first word of a file name (without folders and
// extension) that is no generic word of file names and not only digits:
// "ouderapp" of "ouderapp_medewerkeraccounts.csv"; "" when none.
func firstNameWord(names string) string {
	for _, w := range fileNameWords(names) {
		lw := strings.ToLower(w)
		if len(w) < 2 || allDigits(w) || genericNameWords[lw] || stopwords[lw] {
			continue
		}
		for _, c := range Concepts(w) {
			if c == "user" || c == "employee" || c == "list" {
				return "" // "Gebruikers_export.csv": what it holds, not whose
			}
		}
		return w
	}
	return ""
}

// fileNameWords are the words of a file name without its folders and
// extension, split at '_', ' ' and '-': "ouderapp_medewerkers.csv" gives
// ouderapp and medewerkers.
func fileNameWords(name string) []string {
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	return strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == ' ' || r == '-' })
}

// weigh sets each candidate's Weight: a header only one table takes
// (a transfer's "School") counts 1, one that n tables take (a child's
// number, a name) 1/n, one mapped by values alone half that; the
// questions of a wide consent export count 2.
func weigh(cs []Candidate) {
	takers := map[int]int{}
	for _, c := range cs {
		for i := range c.Columns {
			takers[i]++
		}
	}
	for k := range cs {
		c := &cs[k]
		c.Weight = 0
		for _, i := range slices.Sorted(maps.Keys(c.Columns)) { // in order: the same sum every run
			x := 1 / float64(takers[i])
			if slices.Contains(c.Review, i) {
				x /= 2
			}
			c.Weight += x
		}
		if c.Unpivot != nil {
			c.Weight += 2
		}
	}
}

// minQuestionSimilarity is how near a header's words must come to a
// consent value to be read as that question of a wide consent export.
const minQuestionSimilarity = 0.5

// questions finds the columns of a wide consent export: headers that are
// consent questions ("Foto's op onze website", "Photos on FB/Insta") with
// yes/no answers, a checkbox or agreement words under them. Two or more
// make the sheet one row per child with a column per question.
func questions(s *Sheet) *Unpivot {
	u := &Unpivot{Into: [2]string{"consent_type", "granted"}, Columns: map[int]string{}, Review: map[int]bool{}}
	for i, h := range s.Header {
		sh := s.shape(i)
		if sh.checkbox == "" && sh.boolShare < 0.9 {
			continue
		}
		label := h
		if open := strings.IndexByte(label, '('); open > 0 {
			label = label[:open] // "(x)", "(J/N)"
		}
		if v, ok := knownLabel("consent_type", label); ok {
			u.Columns[i] = v
			continue
		}
		if v, score, ok := nearestValue("consent_type", model.ConsentTypes, label); ok && score >= minQuestionSimilarity {
			u.Columns[i], u.Review[i] = v, true
		}
	}
	if len(u.Columns) < 2 {
		return nil
	}
	return u
}

// knownLabel is the canonical value a profile knows label as.
func knownLabel(column, label string) (string, bool) {
	for v, labels := range valueSynonyms[column] {
		for _, l := range labels {
			if Key(l) == Key(label) {
				return v, true
			}
		}
	}
	return "", false
}

// changedWords reports whether a header says when something last changed
// ("Laatst gewijzigd", "Last updated").
func changedWords(h string) bool {
	for _, w := range words(h) {
		switch w.text {
		case "gewijzigd", "wijziging", "modified", "changed", "bijgewerkt", "updated", "mutatie", "mutatiedatum":
			return true
		}
	}
	return false
}

// namesProducts counts the values that name one of products (as part of
// a name: "Kidsy BV" names Kidsy).
func namesProducts(v Values, products []string) int {
	n := 0
	for _, d := range v.Distinct {
		k := Key(d)
		for _, p := range products {
			if k != "" && strings.Contains(k, p) {
				n++
				break
			}
		}
	}
	return n
}

// anyNamesProducts reports whether some column of s names products.
func anyNamesProducts(s *Sheet, products []string) bool {
	for i := range s.Header {
		if namesProducts(s.values(i), products) > 0 {
			return true
		}
	}
	return false
}
