package cli

import (
	"errors"
	"strings"

	"github.com/spf13/pflag"

	"github.com/avgaudit/avgaudit/app"
	"github.com/avgaudit/avgaudit/vocab"
)

// usage is a mistake in the command line, in the run's language: t with args.
func usage(t text, args ...any) error { return app.Usage(vocab.Errorf(t.NL, t.EN, args...)) }

// Messages for pflag's errors, which pflag writes in English only.
var (
	msgUnknownFlag      = text{"onbekende optie --%s", "unknown flag --%s"}
	msgUnknownShorthand = text{"onbekende korte optie -%c in -%s", "unknown shorthand flag -%c in -%s"}
	msgDidYouMean       = text{"; bedoel je --%s?", "; did you mean --%s?"}
	msgNeedsValue       = text{"--%s heeft een waarde nodig", "flag --%s needs a value"}
	msgNeedsValueShort  = text{"-%c (in -%s) heeft een waarde nodig", "flag -%c (in -%s) needs a value"}
	msgInvalidValue     = text{"--%s %q: verwacht %s", "--%s %q: expected %s"}
	msgBadFlagSyntax    = text{"%s is geen optie; schrijf opties als --naam of --naam=waarde", "%s is not a flag; write flags as --name or --name=value"}
	msgSeeCmdHelp       = text{" (zie avgaudit %s --help)", " (see avgaudit %s --help)"}
)

// expectedValue says what a flag of pflag's type takes.
var expectedValue = map[string]text{
	"int":         {"een geheel getal, zoals 25", "a whole number, such as 25"},
	"uint64":      {"een geheel getal van 0 of meer, zoals 20260901", "a whole number of 0 or more, such as 20260901"},
	"bool":        {"true of false (of de optie zonder waarde)", "true or false (or the flag without a value)"},
	"stringSlice": {"een lijst gescheiden door komma's", "a comma-separated list"},
}

// flagError turns an error of fs.Parse into a usage error in the run's
// language that names the flag, what it expects and, for an unknown
// flag, the closest known one.
func (e *env) flagError(cmd string, fs *pflag.FlagSet, err error) error {
	see := vocab.Textf(msgSeeCmdHelp.NL, msgSeeCmdHelp.EN, cmd)
	var (
		notExist *pflag.NotExistError
		required *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
		msg      vocab.Text
	)
	switch {
	case errors.As(err, &notExist) && len(notExist.GetSpecifiedShortnames()) == 1:
		msg = vocab.Textf(msgUnknownFlag.NL, msgUnknownFlag.EN, notExist.GetSpecifiedShortnames())
		msg = vocab.Text{NL: strings.Replace(msg.NL, "--", "-", 1), EN: strings.Replace(msg.EN, "--", "-", 1)}
	case errors.As(err, &notExist) && notExist.GetSpecifiedShortnames() != "":
		msg = vocab.Textf(msgUnknownShorthand.NL, msgUnknownShorthand.EN, []rune(notExist.GetSpecifiedName())[0], notExist.GetSpecifiedShortnames())
	case errors.As(err, &notExist):
		name := notExist.GetSpecifiedName()
		msg = vocab.Textf(msgUnknownFlag.NL, msgUnknownFlag.EN, name)
		var names []string
		fs.VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
		if s := app.Closest(name, names); s != "" {
			msg = msg.Plus(vocab.Textf(msgDidYouMean.NL, msgDidYouMean.EN, s))
		}
	case errors.As(err, &required) && required.GetSpecifiedShortnames() != "":
		msg = vocab.Textf(msgNeedsValueShort.NL, msgNeedsValueShort.EN, []rune(required.GetSpecifiedName())[0], required.GetSpecifiedShortnames())
	case errors.As(err, &required):
		msg = vocab.Textf(msgNeedsValue.NL, msgNeedsValue.EN, required.GetFlag().Name)
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		want := vocab.Same(f.Value.Type())
		if t, ok := expectedValue[f.Value.Type()]; ok {
			want = vocab.Text(t)
		}
		msg = vocab.Textf(msgInvalidValue.NL, msgInvalidValue.EN, f.Name, invalid.GetValue(), want)
	case errors.As(err, &syntax):
		msg = vocab.Textf(msgBadFlagSyntax.NL, msgBadFlagSyntax.EN, syntax.GetSpecifiedFlag())
	default:
		// pflag's other errors name the flag in English; keep its words
		// behind a sentence in the run's language.
		return app.Usage(vocab.Wrapf(errors.New(strings.TrimSpace(err.Error())), "ongeldige opdrachtregel", "invalid command line"))
	}
	return app.Usage(vocab.Errorf("%s%s", "%s%s", msg, see))
}
