package values

import "strings"

// NormalizeEmail tidies an e-mail address so that the same address
// written twice compares equal: surrounding spaces, a "mailto:" prefix and
// enclosing angle brackets are removed and the address is lower-cased.
// (The part before @ may in theory be case-sensitive; no mail provider
// treats it so, and exports type it both ways.) A value without exactly
// one @ is not an address and is only trimmed, so nothing is lost.
func NormalizeEmail(s string) string {
	s = strings.TrimSpace(s)
	e := s
	if len(e) >= len("mailto:") && strings.EqualFold(e[:len("mailto:")], "mailto:") {
		e = strings.TrimSpace(e[len("mailto:"):])
	}
	if strings.HasPrefix(e, "<") && strings.HasSuffix(e, ">") {
		e = strings.TrimSpace(e[1 : len(e)-1])
	}
	if strings.Count(e, "@") != 1 || strings.ContainsAny(e, " \t<>") {
		return s
	}
	return strings.ToLower(e)
}
