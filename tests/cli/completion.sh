# The bash completion (completion/werkbezoek), run in bash as
# bash-completion would: options come from --help, document ids after
# --show from --list, entity ids after --entity= and types after
# --entities= from --entities, each from the corpus named on the line;
# the oracle is the batch output itself.
. "$top_srcdir/tests/lib/tap.sh"

corpus="$top_srcdir/corpus"
# complete WORD...: the completions for the line, the last word being
# completed, one a line, sorted
complete_line() {
	bash -c '
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_werkbezoek
		printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$top_srcdir/completion/werkbezoek" "$@"
}

got=$(complete_line "$WERKBEZOEK" --no-s)
is "$got" "--no-session" "an option from its start"
got=$(complete_line "$WERKBEZOEK" --)
want=$("$WERKBEZOEK" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
is "$got" "$want" "every option --help names"

got=$(complete_line "$WERKBEZOEK" "$corpus" --show doc-2014)
is "$got" "doc-2014-11-05-tinten" "--show DOCID: a document id of the corpus on the line"
got=$(complete_line "$WERKBEZOEK" "$corpus" --show "")
is "$got" "$("$WERKBEZOEK" --list "$corpus" | cut -f1 | sort)" "--show: every document id"
got=$(WERKBEZOEK_CORPUS=$corpus complete_line "$WERKBEZOEK" --show = doc-2013)
is "$got" "doc-2013-11-24-noordermaat" "--show=DOCID: without a corpus on the line, the default one"
got=$(complete_line "$WERKBEZOEK" "$corpus" --entity = aly)
is "$got" "aly-van-beek" "--entity=ID: an entity id"
got=$(complete_line "$WERKBEZOEK" "$corpus" --entities = p)
is "$got" "$(printf 'person\nplace')" "--entities=TYPE: the types of the corpus"
got=$(complete_line "$WERKBEZOEK" --config "$top_srcdir/docs/examples/con")
is "$got" "$top_srcdir/docs/examples/config" "--config FILE: a file name"
got=$(complete_line "$WERKBEZOEK" "$top_srcdir/corp")
is "$got" "$top_srcdir/corpus" "the corpus: a file or directory name"
done_testing
