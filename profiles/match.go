// Package profiles recognises exports by their headers: built-in header
// profiles give, per canonical table and column, the Dutch and English
// names exports use for it. Match places one header row on a canonical
// table and proposes the column mapping; Recognise does so for every export
// in a folder and turns the result into a manifest to review.
package profiles

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/vocab"
)

// Key normalises a header or label for comparison: accents removed, lower
// case, only letters and digits ("Geb. datum" and "gebdatum" are equal).
func Key(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Synonyms lists the export headers that mean column of table: its own
// name first, then the profile's synonyms.
func Synonyms(table, column string) []string {
	out := []string{column}
	out = append(out, perTable[table][column]...)
	return append(out, shared[column]...)
}

// index maps, per table, a normalised header to its canonical column.
var index = func() map[string]map[string]string {
	idx := map[string]map[string]string{}
	for _, t := range model.Tables {
		m := map[string]string{}
		for _, c := range t.Columns {
			for k, s := range Synonyms(t.Name, c.Name) {
				if k == 0 && childKeys[c.Name] {
					continue // "Child ID" is any system's child id, not the administration's number
				}
				if _, taken := m[Key(s)]; !taken {
					m[Key(s)] = c.Name
				}
			}
		}
		idx[t.Name] = m
	}
	return idx
}()

// MinColumns is the fewest matched columns that place a header on a table.
const MinColumns = 2

// Candidate is how well a header row fits one table.
type Candidate struct {
	Table    string
	Columns  map[int]string      // header index -> canonical column
	Matched  int                 // canonical columns matched
	Total    int                 // columns of the table
	Missing  []string            // required columns not matched
	Hinted   bool                // the file or sheet name suggests this table
	Unplaced []int               // header indexes not mapped
	Why      map[int]vocab.Text  // header index -> why it was mapped
	Review   []int               // header indexes mapped by their values alone: to review
	Notes    []vocab.Text        // headers kept off a column their words name, and why
	Hints    map[string][]string // missing required column -> the headers most likely to be it
	// HintScore is, per missing column, how likely its first hint is
	// (words shared, values of its type).
	HintScore map[string]float64
	// Taken are the required columns a draft maps to the header most like
	// each (marked REVIEW), its other hints left as alternatives.
	Taken []string
	// Foreign is set when another column holds the keys of this table
	// from another export: the export links to the table, it is not it
	// (a portal's children with the administration's numbers beside
	// their own are not the administration's children).
	Foreign bool
	// Weight is how much the matched columns say about the table: a
	// column only this table has (a transfer's school) counts 1, one that
	// n tables share (a child's number) 1/n; mapped by values alone half.
	Weight  float64
	Unpivot *Unpivot          // one column per consent question, when the table is portal_consents
	Fixed   map[string]string // canonical column -> the one value of every row (accounts.system)
	Split   map[string]string // canonical column -> separator of several ids in one cell
	Lookup  map[string]string // canonical column -> what its values are, to look up (child_id: name)

	// keyDropped is set when the key was found to be a link: the rows
	// are numbered by another column, which is not the key either.
	keyDropped bool
}

// Score describes the fit for people: "12 of 13 columns".
func (c Candidate) Score() vocab.Text {
	return vocab.Textf("%d van %d kolommen", "%d of %d columns", vocab.Count(c.Matched), vocab.Count(c.Total))
}

// better orders the tables a header fits: a table that takes a header as
// its own key beats one that leaves that header out ("Kind-ID" makes a
// sheet the portal's children, even if the administration's children
// table matches more of its other columns); then the most matched columns.
func (c Candidate) better(o Candidate) bool {
	if ck, ok := c.keyLeftOutBy(o), o.keyLeftOutBy(c); ck != ok {
		return ck
	}
	if d := c.Weight - o.Weight; d > weightTie+1e-9 || d < -weightTie-1e-9 {
		return d > 0
	}
	if c.Matched != o.Matched {
		return c.Matched > o.Matched
	}
	if c.Matched*o.Total != o.Matched*c.Total {
		return c.Matched*o.Total > o.Matched*c.Total // the larger share of the table
	}
	return c.Weight > o.Weight
}

// weightTie is the difference in Weight below which two tables fit a
// header about as well: the file or sheet name then decides.
const weightTie = 0.5

// keyLeftOutBy reports whether c maps a header to one of its key columns
// that o leaves unplaced.
func (c Candidate) keyLeftOutBy(o Candidate) bool {
	t, _ := model.Lookup(c.Table)
	for i, col := range c.Columns {
		if k, ok := t.Column(col); ok && k.Key && slices.Contains(o.Unplaced, i) {
			return true
		}
	}
	return false
}

func (c Candidate) closeness() float64 {
	x := c.Weight - 0.5*float64(len(c.Missing))
	if c.missesKey() {
		x -= 0.5
	}
	return x
}

// missesKey reports whether c lacks its table's key column.
func (c Candidate) missesKey() bool {
	t, _ := model.Lookup(c.Table)
	for _, m := range c.Missing {
		if col, ok := t.Column(m); ok && col.Key {
			return true
		}
	}
	return false
}

// closer orders tables a header could not be placed on: the one that
// lacks the fewest required columns first.
func (c Candidate) closer(o Candidate) bool {
	// what the matched columns say, less half a column per one missing
	// and half more for a missing key
	if d := c.closeness() - o.closeness(); d > 1e-6 || d < -1e-6 {
		return d > 0
	}
	if len(c.Missing) != len(o.Missing) {
		return len(c.Missing) < len(o.Missing)
	}
	if c.Matched != o.Matched {
		return c.Matched > o.Matched
	}
	if len(c.Missing) != len(o.Missing) {
		return len(c.Missing) < len(o.Missing)
	}
	// A missing key (the table's own record id) is further off than a
	// missing end date.
	if a, b := missingKeys(c), missingKeys(o); a != b {
		return a < b
	}
	return c.better(o)
}

// missingKeys counts the key columns among c's missing ones.
func missingKeys(c Candidate) int {
	t, ok := model.Lookup(c.Table)
	if !ok {
		return 0
	}
	n := 0
	for _, m := range c.Missing {
		if col, ok := t.Column(m); ok && col.Key {
			n++
		}
	}
	return n
}

// Result is where a header row was placed, or why it could not be.
type Result struct {
	Candidate            // the table chosen (Table == "" if none)
	RunnerUp  vocab.Text // the next best table that could also take the header, if any
	Reason    vocab.Text // why it could not be placed
	// Closest is, when the header could not be placed because a required
	// column was not recognised, the table it comes closest to: init
	// writes a draft entry for it.
	Closest *Candidate
}

// Placed reports whether a table was chosen.
func (r Result) Placed() bool { return r.Table != "" }

// Match places a header row on the canonical table whose columns it
// matches best. All required columns must match, and at least MinColumns.
// Two tables matching as many columns are told apart by the name (words of
// the file and sheet names in names); if that does not settle it, the
// header is not placed.
func Match(header []string, names string) Result {
	return MatchSheet(&Sheet{Header: header, Names: names}, nil)
}

// MatchSheet is Match with the values under the headers (see Sheet) and
// the keys of exports already placed (nil if none), which link a column
// to another export.
func MatchSheet(s *Sheet, keys Keys) Result {
	names := s.Names
	if s.Product == "" {
		s.Product = productToken(names)
	}
	var all []Candidate
	for _, t := range model.Tables {
		all = append(all, fit(&t, s, keys))
	}
	weigh(all)
	var fits, partial []Candidate
	for _, c := range all {
		if c.Foreign {
			continue
		}
		if c.Matched >= MinColumns && len(c.Missing) == 0 {
			fits = append(fits, c)
		} else if c.Matched > 0 {
			partial = append(partial, c)
		}
	}
	if sys := namedSystems(names); len(sys) > 0 {
		fits, partial = preferSystems(fits, sys), preferSystems(partial, sys)
	}
	sort.SliceStable(fits, func(i, j int) bool { return fits[i].better(fits[j]) })
	sort.SliceStable(partial, func(i, j int) bool { return partial[i].closer(partial[j]) })
	if len(fits) == 0 {
		return Result{Reason: noFitReason(partial), Closest: closest(partial)}
	}
	best := fits[0]
	if len(partial) > 0 && partial[0].Weight > best.Weight+1e-9 && partial[0].Matched >= best.Matched && len(partial[0].Missing) == 1 && !partial[0].missesKey() {
		// A closer table lacks a required column: placing the header on a
		// weaker fit would load it as the wrong table.
		return Result{Reason: vocab.Textf("%s; het past ook bij %s (%s), dat minder kolommen koppelt", "%s; it also fits %s (%s), which matches fewer columns",
			noFitReason(partial), best.Table, best.Score()), Closest: closest(partial)}
	}
	if len(partial) > 0 && len(partial[0].Missing) == 1 && partial[0].missesKey() && partial[0].Weight >= 2*best.Weight && partial[0].Matched >= best.Matched+2 {
		// The whole set of columns decides: a parents' export (name,
		// e-mail, IBAN, relation, authority) whose number was not
		// recognised is drafted as the parents, not placed on a table
		// that takes two of its columns.
		return Result{Reason: vocab.Textf("%s; het past ook bij %s (%s), maar de andere kolommen zeggen veel meer over %s",
			"%s; it also fits %s (%s), but the other columns say much more about %s",
			noFitReason(partial), best.Table, best.Score(), partial[0].Table), Closest: closest(partial)}
	}
	// Tables the headers say about as much of, one of them named by the
	// file or sheet ("Verzoeken betrokkenen"): the name decides, even where
	// another matched a column more.
	var named []Candidate
	for _, c := range fits {
		if d := c.Weight - best.Weight; c.Hinted && d <= 1e-9 && d >= -1e-9 {
			named = append(named, c)
		}
	}
	if len(named) == 1 && !best.Hinted && !best.keyLeftOutBy(named[0]) {
		best = named[0]
	}
	var tied []Candidate
	for _, c := range fits {
		if c.Table == best.Table {
			continue
		}
		if d := c.Weight - best.Weight; c.Matched == best.Matched && d <= weightTie+1e-9 && d >= -weightTie-1e-9 {
			tied = append(tied, c)
		}
	}
	if len(tied) > 0 {
		hinted := []Candidate{}
		for _, c := range append([]Candidate{best}, tied...) {
			if c.Hinted {
				hinted = append(hinted, c)
			}
		}
		if len(hinted) != 1 {
			// the system the export's namesakes were placed on
			// ("ouderlink_fotos" is the portal's, so is "ouderlink_kinderen")
			if sys := keys.siblingSystem(names); sys != "" {
				hinted = hinted[:0]
				for _, c := range append([]Candidate{best}, tied...) {
					if t, _ := model.Lookup(c.Table); t.System == sys {
						hinted = append(hinted, c)
					}
				}
			}
		}
		if len(hinted) != 1 {
			names := []vocab.Text{best.named()}
			for _, c := range tied {
				names = append(names, c.named())
			}
			return Result{Reason: vocab.Textf("past even goed bij %s; zet het met de hand in het manifest met de juiste tabel",
				"fits %s equally well; add it to the manifest by hand with the right table", vocab.JoinTexts(names, vocab.Text{NL: " en ", EN: " and "}))}
		}
		best = hinted[0]
	}
	r := Result{Candidate: best}
	for _, c := range fits {
		if c.Table != best.Table {
			r.RunnerUp = c.named()
			break
		}
	}
	return r
}

// named is the candidate's table and score: "admin_children (5 of 15 columns)".
func (c Candidate) named() vocab.Text { return vocab.Textf("%s (%s)", "%s (%s)", c.Table, c.Score()) }

// describe names canonical columns of table with what they mean, in both
// languages: "care_end (einde van de opvang; leeg zolang de opvang
// doorloopt)", "care_end (end of care; empty while care continues)".
func describe(table string, columns []string) vocab.Text {
	nl, en := make([]string, len(columns)), make([]string, len(columns))
	for i, name := range columns {
		nl[i], en[i] = name, name
		if d := model.ColumnDoc(table, name, "nl"); d != "" {
			nl[i] = fmt.Sprintf("%s (%s)", name, d)
		}
		if d := model.ColumnDoc(table, name, "en"); d != "" {
			en[i] = fmt.Sprintf("%s (%s)", name, d)
		}
	}
	return vocab.Text{NL: strings.Join(nl, ", "), EN: strings.Join(en, ", ")}
}

// namedSystems are the systems whose products the file and sheet names
// mention ("Konnect export.xlsx" is the portal's).
func namedSystems(names string) map[string]bool {
	key, sys := Key(names), map[string]bool{}
	for _, pr := range products {
		if strings.Contains(key, pr.Hint) {
			sys[pr.System] = true
		}
	}
	if len(sys) == 0 {
		// a word of the file's name that is a part of the product's kind:
		// "ouderapp" (a parent app) is a portal, "Kijkwijzer" tracking
		for _, c := range Concepts(firstNameWord(names)) {
			if c == "portal" || c == "tracking" || c == "admin" {
				sys[c] = true
			}
		}
	}
	return sys
}

// preferSystems keeps the candidates of the named systems, if there are
// any, and those of the registers (a product's user accounts are a
// register).
func preferSystems(cs []Candidate, sys map[string]bool) []Candidate {
	var out []Candidate
	for _, c := range cs {
		if t, _ := model.Lookup(c.Table); sys[t.System] || t.System == "register" {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return cs
	}
	return out
}

// closest is the partial fit to draft an entry for: one that lacks a
// required column but matches at least MinColumns.
func closest(partial []Candidate) *Candidate {
	if len(partial) == 0 || len(partial[0].Missing) == 0 || partial[0].Matched < MinColumns {
		return nil
	}
	c := partial[0]
	return &c
}

func noFitReason(partial []Candidate) vocab.Text {
	if len(partial) == 0 {
		return vocab.Text{
			NL: "geen kolomkop past bij een kolom van een tabel, dus het wordt niet ingelezen (niets te doen als het aantekeningen bevat in plaats van een export)",
			EN: "no column header matches a column of any table, so it is not loaded (nothing to do if it holds notes rather than an export)",
		}
	}
	c := partial[0]
	if len(c.Missing) > 0 {
		return vocab.Textf("het dichtst bij is %s (%s), maar geen kolomkop werd herkend als de verplichte %s; als de export die onder een andere naam heeft, zet het bestand dan met de hand in het manifest en koppel die kolomkop, anders exporteer het opnieuw met die kolom",
			"closest is %s (%s), but no header was recognised as the required %s; if the export has it under another name, add the file to the manifest by hand and map that header, otherwise export it again with that column",
			c.Table, c.Score(), describe(c.Table, c.Missing))
	}
	return vocab.Textf("het dichtst bij is %s, maar er passen maar %s (minstens %d nodig)", "closest is %s, but only %s match (at least %d needed)", c.Table, c.Score(), MinColumns)
}

// ValueMapping proposes the labels to map for an enum (or gender) column of
// table from the distinct values found: mapped holds label -> canonical
// value for labels that are not canonical values themselves, unknown the
// labels no profile knows.
func ValueMapping(table, column string, distinct []string) (mapped map[string]string, unknown []string) {
	mapped, guessed, unknown := proposeValues(table, column, distinct)
	for l, v := range guessed {
		mapped[l] = v
	}
	return mapped, unknown
}

// proposeValues is ValueMapping that tells apart the labels a profile
// knows (mapped) from those mapped to the value their words are nearest
// (guessed, to review); unknown are the labels no value comes near.
func proposeValues(table, column string, distinct []string) (mapped, guessed map[string]string, unknown []string) {
	allowed := allowedValues(table, column)
	if allowed == nil {
		return nil, nil, nil
	}
	byKey := map[string]string{}
	for canonical, labels := range valueSynonyms[column] {
		if !allowed[canonical] {
			continue
		}
		for _, l := range labels {
			byKey[Key(l)] = canonical
		}
	}
	var vals []string
	for v := range allowed {
		vals = append(vals, v)
	}
	sort.Strings(vals)
	mapped, guessed = map[string]string{}, map[string]string{}
	for _, v := range distinct {
		if allowed[strings.ToLower(strings.TrimSpace(v))] {
			continue
		}
		if canonical, ok := byKey[Key(v)]; ok {
			mapped[v] = canonical
			continue
		}
		if canonical, _, ok := nearestValue(column, vals, v); ok {
			guessed[v] = canonical
			continue
		}
		unknown = append(unknown, v)
	}
	return mapped, guessed, unknown
}

// allowedValues are a column's canonical values: an enum's, or m and v for
// gender (a text column the reports show as m/v); nil for other columns.
func allowedValues(table, column string) map[string]bool {
	t, ok := model.Lookup(table)
	if !ok {
		return nil
	}
	c, ok := t.Column(column)
	if !ok {
		return nil
	}
	var vals []string
	switch {
	case c.Type == model.Enum:
		vals = c.Values
	case column == "gender":
		vals = []string{"m", "v"}
	default:
		return nil
	}
	m := map[string]bool{}
	for _, v := range vals {
		m[v] = true
	}
	return m
}

// productToken is the product a file or sheet name names: a product the
// profiles know ("Konnect export.xlsx"), else the name's first word that
// is not a word of the lexicon, a date or "export" ("Flexkids" of
// "Flexkids_Gebruikers.csv", "Dravo" of "Dravo_transfers.xlsx").
func productToken(names string) string {
	key := Key(names)
	for _, pr := range products {
		if strings.Contains(key, pr.Hint) {
			return pr.Product
		}
	}
	for _, w := range fileNameWords(names) {
		lw := strings.ToLower(w)
		if (len(w) < 3 && (len(w) < 2 || strings.ToUpper(w) != w)) || allDigits(w) || genericNameWords[lw] || stopwords[lw] {
			// too short to name a product, unless an abbreviation ("KV")
			continue
		}
		if brand(w) {
			return w // "KindPlan", "EntraID": a capital inside a word is a name
		}
		if cs := Concepts(w); len(cs) != 1 || isConcept(cs[0]) || len(splitCompound(lw)) != 1 || pluralOfWord(lw) {
			continue // what it holds ("Kinderen", "Gebruikerslijst", "facturen"), not whose
		}
		return w
	}
	return ""
}

// brand reports whether w is written as a brand name: a capital after a
// lower-case letter inside it ("KindPlan", "EntraID"), not all capitals.
func brand(w string) bool {
	rs := []rune(w)
	for i := 1; i < len(rs); i++ {
		if unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]) {
			return true
		}
	}
	return false
}

// pluralOfWord reports whether w is the Dutch plural of a lexicon word
// whose vowel is doubled in the singular ("facturen" of "factuur",
// "notities" is found without this).
func pluralOfWord(w string) bool {
	stem, ok := strings.CutSuffix(w, "en")
	if !ok || len(stem) < 3 {
		return false
	}
	last := len(stem) - 1
	v := stem[last-1]
	if !strings.ContainsRune("aeiou", rune(v)) || strings.ContainsRune("aeiou", rune(stem[last])) {
		return false
	}
	_, known := lexicon[stem[:last]+string(v)+stem[last:]]
	return known
}

// genericNameWords are words of file names that name no product.
var genericNameWords = map[string]bool{"export": true, "exports": true, "extract": true, "data": true, "overzicht": true, "lijst": true, "rapport": true, "report": true, "avg": true}
