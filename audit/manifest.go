package audit

import (
	"bytes"
	"errors"
	"io/fs"

	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/profiles"
	"github.com/avgaudit/avgaudit/vocab"
)

// loadManifest reads the source directory's manifest. Without one, the
// exports are recognised by their headers (as avgaudit init does) and the
// proposed manifest is used as is; opt.Recognised hears about it.
func loadManifest(opt Options) (*manifest.Manifest, error) {
	m, err := manifest.Load(opt.Source, opt.Dir)
	if !errors.Is(err, fs.ErrNotExist) {
		return m, err
	}
	p, rerr := profiles.Recognise(opt.Source, opt.Dir, opt.Password)
	if rerr != nil {
		return nil, vocab.Errorf("%w; de exports herkennen lukte ook niet: %w", "%w; recognising the exports instead failed: %w", err, rerr)
	}
	if len(p.Placed) == 0 {
		var why []vocab.Text
		for _, u := range p.Unplaced {
			why = append(why, vocab.Textf("%s: %s", "%s: %s", u.Label(), u.Reason))
		}
		if len(why) == 0 {
			why = append(why, vocab.Text{NL: "de map bevat geen .csv-, .tsv-, .txt- of .xlsx-bestanden", EN: "the folder holds no .csv, .tsv, .txt or .xlsx files"})
		}
		return nil, vocab.Errorf("geen %s, en geen export in de map kon worden herkend:\n%s", "no %s, and no export in the folder could be recognised:\n%s",
			manifest.FileName, vocab.JoinTexts(why, vocab.Same("\n")))
	}
	// Render and parse the proposal, so it is validated (and numbered) as
	// a written manifest would be.
	var buf bytes.Buffer
	if err := manifest.Write(&buf, p.Manifest(""), p.Comments()); err != nil {
		return nil, err
	}
	m, err = manifest.Parse(&buf)
	if err != nil {
		return nil, vocab.Wrapf(err, "het manifest dat uit de exports is herkend, is niet geldig (meld dit alstublieft)", "the manifest recognised from the exports is not valid (please report this)")
	}
	if opt.Recognised != nil {
		opt.Recognised(p)
	}
	return m, nil
}
