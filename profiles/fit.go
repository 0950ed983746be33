package profiles

import (
	"sort"
	"strings"

	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/vocab"
)

// Sheet is what Match looks at: a header row, the file and sheet names
// around it and, when known, the values under each header.
type Sheet struct {
	Header []string
	Names  string   // the file and sheet names ("Kidsadmin/kinderen.csv")
	Values []Values // per header cell; nil when only the header is known

	shapes []shape
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
		cs := Concepts(b)
		if len(cs) == 0 {
			continue
		}
		out = append(out, cs)
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
		return 0, vocab.Text{}
	}
	return best * wordFactor, vocab.Textf("woorden als in %q", "words as in %q", name)
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
	for i, h := range s.Header {
		if strings.TrimSpace(h) == "" {
			continue
		}
		variants := conceptVariants(t.Name, h)
		sh := s.shape(i)
		for ci := range t.Columns {
			col := &t.Columns[ci]
			score, why := headerScore(t.Name, col.Name, h, variants)
			fv, vwhy := sh.fits(col)
			if score > 0 && fv < 0 && score < scoreCanonical {
				vetoes[i] = append(vetoes[i], vocab.Textf("%s: de kolomkop klinkt als %s, maar %s%s", "%s: its header sounds like %s, but %s%s", h, col.Name, vwhy, otherFit(t, col, sh)))
				continue
			}
			if score == 0 {
				score, why = valueOnly(t, col, s, i, keys)
			} else if fv > 0 {
				score += valueBonus
				why = why.Plus(vocab.Same("; ")).Plus(vwhy)
			} else if link, from := keys.linkOf(s.values(i)); link == col.Name && keyOwners[t.Name] != col.Name {
				score += valueBonus
				why = why.Plus(vocab.Textf("; waarden: de %s-sleutels van %s", "; values: the %s keys of %s", col.Name, from))
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
	for _, p := range pairs {
		if _, used := c.Columns[p.i]; used || taken[p.col] {
			continue
		}
		c.Columns[p.i], c.Why[p.i], taken[p.col] = p.col, p.why, true
	}
	if len(taken) >= MinColumns {
		fillByType(t, s, &c, taken)
	}
	for i := range s.Header {
		if _, ok := c.Columns[i]; !ok && strings.TrimSpace(s.Header[i]) != "" {
			c.Unplaced = append(c.Unplaced, i)
			c.Notes = append(c.Notes, vetoes[i]...)
		}
	}
	c.Matched = len(taken)
	for _, col := range t.Columns {
		if !taken[col.Name] && col.Required {
			c.Missing = append(c.Missing, col.Name)
		}
	}
	c.Hints = hints(t, s, c)
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
	if link, from := keys.linkOf(s.values(i)); link == col.Name && keyOwners[t.Name] != col.Name {
		return 0.9, vocab.Textf("waarden: de %s-sleutels van %s", "values: the %s keys of %s", col.Name, from)
	}
	switch {
	case col.Type == model.BSN && sh.bsnShare >= 0.8 && sh.filled >= 2:
		return 0.9, textBSNs
	case col.Name == "consent_type" && sh.consent >= 0.5:
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
func fillByType(t *model.Table, s *Sheet, c *Candidate, taken map[string]bool) {
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
			fillKey(t, s, c, taken, col)
			continue
		}
		switch {
		case col.Type == model.Bool && (col.Required || freeBools == 1):
		case (col.Type == model.Date || col.Type == model.Timestamp) && col.Required:
		default:
			continue
		}
		var fits []int
		for i, h := range s.Header {
			if _, used := c.Columns[i]; used || strings.TrimSpace(h) == "" {
				continue
			}
			if fv, _ := s.shape(i).fits(col); fv > 0 {
				fits = append(fits, i)
			}
		}
		if len(fits) != 1 {
			continue
		}
		i := fits[0]
		_, vwhy := s.shape(i).fits(col)
		c.Columns[i], taken[col.Name] = col.Name, true
		c.Why[i] = vocab.Textf("%s, de enige zulke kolom die over is voor %s", "%s, the only such column left for %s", vwhy, col.Name)
		c.Review = append(c.Review, i)
	}
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
		if sim, _ := wordSimilarity(t.Name, col.Name, conceptVariants(t.Name, h)); sim >= 0.3 {
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

// maxHints is how many headers are proposed for a missing column.
const maxHints = 3

// hints ranks, per required column still missing, the headers left that
// are most likely to be it: by the words they share with the column's
// names and by whether their values have its type.
func hints(t *model.Table, s *Sheet, c Candidate) map[string][]string {
	if len(c.Missing) == 0 {
		return nil
	}
	out := map[string][]string{}
	for _, name := range c.Missing {
		col, _ := t.Column(name)
		type hint struct {
			i     int
			score float64
		}
		var hs []hint
		for _, i := range c.Unplaced {
			best, _ := wordSimilarity(t.Name, name, conceptVariants(t.Name, s.Header[i]))
			fv, _ := s.shape(i).fits(col)
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
			out[name] = append(out[name], s.Header[h.i])
		}
	}
	return out
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
