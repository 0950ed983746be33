package audit

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/results"
)

// Kinds of identifier, as results.Identifier documents them.
const (
	kindName        = "name"
	kindBirthDate   = "birth_date"
	kindContact     = "contact"
	kindBankAccount = "bank_account"
	kindBSN         = "bsn"
	kindID          = "id"
)

// personIDColumns are the id columns whose values point at one person: a
// child, a parent, an employee, an applicant, or an employee's login name.
// Ids of things (invoices, photos, notes, posts, requests, breaches,
// complaints, systems) are not among them: they identify no one on their
// own, and a report needs them to be read.
var personIDColumns = map[string]bool{
	"child_id": true, "portal_child_id": true, "tracking_child_id": true,
	"guardian_id": true, "employee_id": true, "username": true, "applicant_id": true,
}

// minIdentifierLen is the shortest value collected: shorter ones ("Bo",
// "12") would match ordinary words and numbers everywhere in a text.
const minIdentifierLen = 3

// kindRank orders the kinds when one value has several: the most sensitive
// wins.
var kindRank = map[string]int{kindBSN: 0, kindBankAccount: 1, kindContact: 2, kindBirthDate: 3, kindName: 4, kindID: 5}

// identifierKind is the kind of personal value column c holds, or "". A
// tussenvoegsel (name_prefix: van, de, van der) identifies no one and is
// an ordinary word in every text.
func identifierKind(c model.Column) string {
	if c.Name == "name_prefix" {
		return ""
	}
	switch c.PII {
	case model.Name:
		return kindName
	case model.BirthDate:
		return kindBirthDate
	case model.Contact:
		return kindContact
	case model.BankAccount:
		return kindBankAccount
	case model.CitizenNumber:
		return kindBSN
	}
	if personIDColumns[c.Name] {
		return kindID
	}
	return ""
}

// Identifiers collects the personal values of the loaded canonical tables
// on conn: every value of a column holding personal data and of an id
// column pointing at a person, distinct, sorted by value. A date of birth
// is given in the forms a text may hold it in. One value found with two
// kinds keeps the most sensitive.
func Identifiers(ctx context.Context, conn *sql.Conn) ([]results.Identifier, error) {
	kinds := map[string]string{}
	for i := range model.Tables {
		t := &model.Tables[i]
		for _, c := range t.Columns {
			kind := identifierKind(c)
			if kind == "" {
				continue
			}
			if err := collectColumn(ctx, conn, t.Name, c, kind, kinds); err != nil {
				return nil, err
			}
		}
	}
	return sortedIdentifiers(kinds), nil
}

// sortedIdentifiers lists kinds (value → kind) sorted by value.
func sortedIdentifiers(kinds map[string]string) []results.Identifier {
	out := make([]results.Identifier, 0, len(kinds))
	for v, k := range kinds {
		out = append(out, results.Identifier{Value: v, Kind: k})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}

// withResolved adds to ids the personal values of the resolved findings of
// checks (last year's findings that are gone): their records may have been
// deleted from the exports since, so the loaded tables no longer hold their
// names and ids, but their messages still do. A value counts when its
// result column has the name of a canonical column holding personal data
// or pointing at a person (child_id, given_by, ...).
func withResolved(ids []results.Identifier, checks []results.Check) []results.Identifier {
	kinds := make(map[string]string, len(ids))
	for _, id := range ids {
		kinds[id.Value] = id.Kind
	}
	added := false
	for _, c := range checks {
		for _, f := range c.Resolved {
			for i, v := range f.Values {
				if i >= len(c.Columns) || v == "" {
					continue
				}
				kind := columnKinds[c.Columns[i]]
				if kind == "" {
					continue
				}
				forms := []string{v}
				if d, err := time.Parse(time.DateOnly, v); err == nil && kind == kindBirthDate {
					forms = dateForms(d)
				}
				for _, form := range forms {
					addIdentifier(kinds, form, kind)
				}
				added = true
			}
		}
	}
	if !added {
		return ids
	}
	return sortedIdentifiers(kinds)
}

// columnKinds maps the name of every canonical column that holds personal
// data or points at a person to its kind of identifier (the most sensitive
// when tables differ).
var columnKinds = func() map[string]string {
	m := map[string]string{}
	for _, t := range model.Tables {
		for _, c := range t.Columns {
			kind := identifierKind(c)
			if old, ok := m[c.Name]; kind != "" && (!ok || kindRank[kind] < kindRank[old]) {
				m[c.Name] = kind
			}
		}
	}
	return m
}()

// collectColumn adds the distinct values of one column to kinds.
func collectColumn(ctx context.Context, conn *sql.Conn, table string, c model.Column, kind string, kinds map[string]string) error {
	q := fmt.Sprintf("SELECT DISTINCT %s FROM %s WHERE %s IS NOT NULL", c.Name, table, c.Name)
	rows, err := conn.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("collect identifiers of %s.%s: %w", table, c.Name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var v any
		if err := rows.Scan(&v); err != nil {
			return fmt.Errorf("collect identifiers of %s.%s: %w", table, c.Name, err)
		}
		for _, s := range identifierForms(v) {
			addIdentifier(kinds, s, kind)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("collect identifiers of %s.%s: %w", table, c.Name, err)
	}
	return nil
}

func addIdentifier(kinds map[string]string, value, kind string) {
	value = strings.TrimSpace(value)
	if utf8.RuneCountInString(value) < minIdentifierLen {
		return
	}
	if old, ok := kinds[value]; ok && kindRank[old] <= kindRank[kind] {
		return
	}
	kinds[strings.Clone(value)] = kind
}

// identifierForms are the texts a value may appear as in a report: a date
// as 2021-03-04, 04-03-2021, 4-3-2021, 4 maart 2021 and 4 March 2021.
func identifierForms(v any) []string {
	switch x := v.(type) {
	case time.Time:
		return dateForms(x)
	case string:
		return []string{x}
	case []byte:
		return []string{string(x)}
	}
	return []string{fmt.Sprint(v)}
}

var dutchMonths = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

func dateForms(t time.Time) []string {
	return []string{
		t.Format(time.DateOnly),
		t.Format("02-01-2006"),
		t.Format("2-1-2006"),
		fmt.Sprintf("%d %s %d", t.Day(), dutchMonths[t.Month()-1], t.Year()),
		t.Format("2 January 2006"),
	}
}
