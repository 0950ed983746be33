package vocab

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
)

// Text is a message written in Dutch and in English where it is made: a
// template of this kind cannot change in one language and silently fall
// back to the other, as a translation of finished English sentences can.
type Text struct{ NL, EN string }

// In is the text in lang: "en" for English, Dutch otherwise.
func (t Text) In(lang string) string {
	if lang == "en" {
		return t.EN
	}
	return t.NL
}

// Complete says whether the text has both languages.
func (t Text) Complete() bool { return t.NL != "" && t.EN != "" }

// Plus is t followed by u, in each language.
func (t Text) Plus(u Text) Text { return Text{t.NL + u.NL, t.EN + u.EN} }

// Same is a text that reads the same in both languages: a name, a header,
// a quoted value.
func Same(s string) Text { return Text{s, s} }

// Textf formats nl and en with args, each in its own language: a Count is
// written with that language's thousands separator, a Text and an error
// (see Message) in that language.
func Textf(nl, en string, args ...any) Text {
	return Text{Sprintf("nl", nl, args...), Sprintf("en", en, args...)}
}

// JoinTexts joins texts with sep, which is itself a Text (" en ", " and ").
func JoinTexts(ts []Text, sep Text) Text {
	var nl, en []string
	for _, t := range ts {
		nl, en = append(nl, t.NL), append(en, t.EN)
	}
	return Text{strings.Join(nl, sep.NL), strings.Join(en, sep.EN)}
}

// Count is a number of things (rows, findings, files). In Sprintf, Textf
// and Errorf it is written with thousands separators: 1.284 in Dutch,
// 1,284 in English. Plain ints are left as they are: a row number, a year
// or a seed is not a count.
type Count int

// In is the count in lang.
func (c Count) In(lang string) string {
	sep := "."
	if lang == "en" {
		sep = ","
	}
	return group(int64(c), sep)
}

func group(n int64, sep string) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// localCount formats a Count in one language, keeping the width and the
// '-' flag of its verb (%6d aligns a column of counts).
type localCount struct {
	c    Count
	lang string
}

func (l localCount) Format(f fmt.State, verb rune) {
	s := l.c.In(l.lang)
	if w, ok := f.Width(); ok && len(s) < w {
		if f.Flag('-') {
			s += strings.Repeat(" ", w-len(s))
		} else {
			s = strings.Repeat(" ", w-len(s)) + s
		}
	}
	_, _ = f.Write([]byte(s))
}

// Sprintf is fmt.Sprintf in lang: Count arguments get the language's
// thousands separator, Text arguments (and any with an In(lang) method)
// their text in lang, errors their message in lang (see Message). %w in
// format is allowed and reads as %v.
//
// A choice {one|many} in format is the singular or the plural by the
// count written just before it: "%d {rij|rijen}" reads "1 rij" and
// "1.284 rijen". Without a count just before it, the plural is taken.
func Sprintf(lang, format string, args ...any) string {
	format = strings.ReplaceAll(format, "%w", "%v")
	if !strings.Contains(format, "|") {
		return fmt.Sprintf(format, localArgs(lang, args)...)
	}
	return choosePlurals(fmt.Sprintf(markChoices(format), localArgs(lang, args)...))
}

// Markers of a choice while the format is filled in: control characters
// that no message or value holds.
const (
	choiceStart = "\x00"
	choiceSep   = "\x01"
	choiceEnd   = "\x02"
)

// markChoices replaces each {one|many} in format by markers, so that the
// words of the arguments are never taken for a choice.
func markChoices(format string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(format, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(format[i:], '}')
		if j < 0 {
			break
		}
		inner := format[i+1 : i+j]
		one, many, ok := strings.Cut(inner, "|")
		if !ok || strings.ContainsAny(inner, "{%") {
			b.WriteString(format[:i+1])
			format = format[i+1:]
			continue
		}
		b.WriteString(format[:i])
		b.WriteString(choiceStart + one + choiceSep + many + choiceEnd)
		format = format[i+j+1:]
	}
	b.WriteString(format)
	return b.String()
}

// choosePlurals resolves the marked choices of s by the count before each.
func choosePlurals(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, choiceStart)
		if i < 0 {
			break
		}
		rest := s[i+len(choiceStart):]
		one, after, _ := strings.Cut(rest, choiceSep)
		many, tail, _ := strings.Cut(after, choiceEnd)
		before := strings.TrimRight(s[:i], " ")
		start := len(before)
		for start > 0 && strings.IndexByte("0123456789.,", before[start-1]) >= 0 {
			start--
		}
		b.WriteString(s[:i])
		if before[start:] == "1" {
			b.WriteString(one)
		} else {
			b.WriteString(many)
		}
		s = tail
	}
	b.WriteString(s)
	return b.String()
}

func localArgs(lang string, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case Count:
			out[i] = localCount{v, lang}
		case Text:
			out[i] = v.In(lang)
		case error:
			out[i] = Message(v, lang)
		case interface{ In(string) string }: // a Term, or another text in two languages
			out[i] = v.In(lang)
		default:
			out[i] = a
		}
	}
	return out
}

// Error is an error whose message was written in Dutch and English. Its
// Error is the English (for logs, tests and libraries); what the user reads
// is In(lang), or Message for any error. The errors among its arguments
// are its causes (errors.Is and errors.As see them).
type Error struct {
	Text
	causes []error
}

// Errorf is an error in Dutch (nl) and English (en), both formats taking
// args; an error argument is a cause, written in the message's language
// (%w and %v both work).
func Errorf(nl, en string, args ...any) error {
	e := &Error{Text: Textf(nl, en, args...)}
	for _, a := range args {
		if err, ok := a.(error); ok {
			e.causes = append(e.causes, err)
		}
	}
	return e
}

// Wrapf is err behind a context in Dutch and English: "<context>: <err>".
// A nil err gives nil.
func Wrapf(err error, nl, en string, args ...any) error {
	if err == nil {
		return nil
	}
	return Errorf(nl+": %w", en+": %w", append(args, err)...)
}

func (e *Error) Error() string { return e.EN }

// Unwrap returns the causes.
func (e *Error) Unwrap() []error { return e.causes }

// In is the message in lang.
func (e *Error) In(lang string) string { return e.Text.In(lang) }

// Dutch is the message in Dutch, for the callers of the older Dutch()
// convention (values.Dutch).
func (e *Error) Dutch() string { return e.NL }

// Message is err's message in lang ("nl" or "en"): every part of err's
// chain that was written in both languages (an *Error, or an error with
// an In(lang) or, for Dutch, a Dutch() method) in that language; the words
// of other errors (a library's, an operating system's) as they are.
func Message(err error, lang string) string {
	if err == nil {
		return ""
	}
	if l, ok := err.(interface{ In(string) string }); ok {
		return l.In(lang)
	}
	if lang == "en" {
		return err.Error()
	}
	if d, ok := err.(interface{ Dutch() string }); ok {
		return d.Dutch()
	}
	if pe, ok := err.(*fs.PathError); ok {
		if t, ok := osErrors(pe.Err); ok {
			return pe.Path + ": " + t.In(lang)
		}
	}
	// A wrapper without two languages (fmt.Errorf, a library's error):
	// its own words stay, the causes it quotes are put in lang.
	s := err.Error()
	var causes []error
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		causes = []error{u.Unwrap()}
	case interface{ Unwrap() []error }:
		causes = u.Unwrap()
	}
	for _, c := range causes {
		if c == nil {
			continue
		}
		was, now := c.Error(), Message(c, lang)
		if i := strings.LastIndex(s, was); i >= 0 && was != now {
			s = s[:i] + now + s[i+len(was):]
		}
	}
	return s
}

// osErrors are the operating system's errors a user meets most, in both
// languages: a file that is not there, not readable, a folder for a file.
func osErrors(err error) (Text, bool) {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Text{NL: "bestaat niet", EN: "does not exist"}, true
	case errors.Is(err, fs.ErrPermission):
		return Text{NL: "geen toegang (controleer de rechten)", EN: "permission denied (check the permissions)"}, true
	case err != nil && err.Error() == "is a directory":
		return Text{NL: "is een map, geen bestand", EN: "is a directory, not a file"}, true
	case err != nil && err.Error() == "not a directory":
		return Text{NL: "is geen map", EN: "is not a directory"}, true
	}
	return Text{}, false
}
