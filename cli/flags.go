package cli

import (
	"time"

	"github.com/spf13/pflag"

	"github.com/avgaudit/avgaudit/app"
)

// shared are the flags of every command that loads the exports, declared
// once: the reference date, the report language and the password file.
type shared struct {
	AsOf         string
	Lang         string
	PasswordFile string
}

func (o *shared) addAsOf(fs *pflag.FlagSet, usage string) {
	fs.StringVar(&o.AsOf, "as-of", "", usage)
}

func (o *shared) addLang(fs *pflag.FlagSet, usage string) {
	fs.StringVar(&o.Lang, "lang", "nl", usage)
}

func (o *shared) addPasswordFile(fs *pflag.FlagSet, usage string) {
	fs.StringVar(&o.PasswordFile, "password-file", "", usage)
}

// asOf is --as-of as a date, the zero time when not given; from here it
// stays a time.Time until the run records it.
func (o *shared) asOf() (time.Time, error) {
	if o.AsOf == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, o.AsOf)
	if err != nil {
		return time.Time{}, app.Usage2f("--as-of %q: expected a date like 2026-09-01", "--as-of %q: verwacht een datum als 2026-09-01", o.AsOf)
	}
	return t, nil
}

// checkLang accepts the report languages there are.
func checkLang(lang string) error {
	if lang != "nl" && lang != "en" {
		return app.Usage2f("--lang %q: choose nl or en", "--lang %q: kies nl of en", lang)
	}
	return nil
}
