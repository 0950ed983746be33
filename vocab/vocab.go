// Package vocab is avgaudit's one vocabulary: the Dutch and English words
// for the codes every report, the terminal and the management summary
// show — areas, severities, risk levels, check statuses, trends and the
// statuses of accepted risks. They live in vocabulary.yaml, embedded and
// checked when the program starts. A check's own codes (the problems it
// reports) and their labels are in its .sql header (package queries).
package vocab

import (
	_ "embed"
	"fmt"

	"gopkg.in/yaml.v3"
)

// Term is a code and its words in Dutch and English.
type Term struct {
	Code string `yaml:"code"`
	NL   string `yaml:"nl"`
	EN   string `yaml:"en"`
}

// In is the term in lang: "en" for English, Dutch otherwise.
func (t Term) In(lang string) string {
	if lang == "en" {
		return t.EN
	}
	return t.NL
}

// List is a list of terms in their order.
type List []Term

// Codes lists the codes in order.
func (l List) Codes() []string {
	out := make([]string, len(l))
	for i, t := range l {
		out[i] = t.Code
	}
	return out
}

// Lookup returns the term of code.
func (l List) Lookup(code string) (Term, bool) {
	for _, t := range l {
		if t.Code == code {
			return t, true
		}
	}
	return Term{}, false
}

// Names maps each code to its word in lang.
func (l List) Names(lang string) map[string]string {
	out := make(map[string]string, len(l))
	for _, t := range l {
		out[t.Code] = t.In(lang)
	}
	return out
}

//go:embed vocabulary.yaml
var data []byte

// The vocabulary.
var (
	Areas              List // the areas of the built-in checks, in report order
	Severities         List // most severe first
	Levels             List // risk levels, lowest first
	Statuses           List // of a check
	Trends             List // of a finding against the previous audit
	AcceptanceStatuses List // of an entry of the accepted-risk register
)

func init() {
	if err := load(data); err != nil {
		panic(err) // TestLoad fails first
	}
}

// load reads the vocabulary and checks that every list has unique codes
// and both languages.
func load(b []byte) error {
	var v struct {
		Areas              List `yaml:"areas"`
		Severities         List `yaml:"severities"`
		Levels             List `yaml:"levels"`
		Statuses           List `yaml:"statuses"`
		Trends             List `yaml:"trends"`
		AcceptanceStatuses List `yaml:"acceptance_statuses"`
	}
	if err := yaml.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("vocab: vocabulary.yaml: %w", err)
	}
	for name, l := range map[string]List{"areas": v.Areas, "severities": v.Severities, "levels": v.Levels,
		"statuses": v.Statuses, "trends": v.Trends, "acceptance_statuses": v.AcceptanceStatuses} {
		if len(l) == 0 {
			return fmt.Errorf("vocab: vocabulary.yaml: %s is empty", name)
		}
		seen := map[string]bool{}
		for _, t := range l {
			if t.Code == "" || t.NL == "" || t.EN == "" || seen[t.Code] {
				return fmt.Errorf("vocab: vocabulary.yaml: %s: %+v needs a unique code and both nl and en", name, t)
			}
			seen[t.Code] = true
		}
	}
	Areas, Severities, Levels, Statuses, Trends, AcceptanceStatuses = v.Areas, v.Severities, v.Levels, v.Statuses, v.Trends, v.AcceptanceStatuses
	return nil
}
