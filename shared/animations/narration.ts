/**
 * Every text an animation frame shows — narration, row labels, captions, notes, panel titles — in English and
 * Bahasa Indonesia. They live here, not in the renderer's resource files, because the same SVG is drawn by the
 * app and by the headless `attention-lab animate`. `{name}` is replaced by the value of `name`.
 */
import type { Narration, Objective } from './frame';

/** The languages of the lab. */
export type Language = 'en' | 'id';

type Texts = Record<string, string>;

const en: Texts = {
  'title.bert': 'BERT · masked language modelling',
  'title.t5': 'T5 · span corruption',
  'title.gpt': 'GPT · next-token prediction',
  footer: 'seed {seed} · frame {step} of {total}',
  footerNoSeed: 'frame {step} of {total}',

  'row.tokens': 'Tokens',
  'row.sequence': 'Sequence',
  'row.original': 'Original',
  'row.input': 'Input',
  'row.labels': 'Labels',
  'row.target': 'Target',
  'row.encoderInput': 'Encoder input',
  'row.decoderInput': 'Decoder reads',

  'caption.unknown': '“{word}”',
  'caption.was': 'was “{word}”',
  'caption.kept': 'kept',
  'caption.start': 'start',
  'caption.probability': '{percent} %',

  'note.empty': 'The sentence has no words: type a sentence.',
  'note.unknownWords': 'Not in the vocabulary, shown as [UNK]: {words}',
  'note.noModel':
    'No model is open: the dashed lines and bars show which tokens may be attended (the mask), not learned weights.',
  'note.sentenceVocabulary':
    'No model is open, so the vocabulary is this sentence’s own words: a random replacement is one of them.',
  'note.mismatch': 'The model reads this text differently, so its attention and guesses are not shown.',

  'panel.predictions': 'The model’s guesses',
  'panel.noPredictions': 'Open a model to see its guesses.',
  'panel.unavailable': 'No guess here: the model needs at least one word to read.',
  'panel.loss': 'Loss = mean of −log p(truth) = {loss}',
  'panel.lossTerm': '−log p = {value}',
  'panel.lossOutside': 'not in the top {k}',
  'panel.truth': 'truth: “{truth}”',
  'panel.position': 'Position {index}',
  'panel.weights': 'Attention weights: last layer, mean of the heads',
  'mask.full': 'Encoder: every token to every token',
  'mask.causal': 'Decoder: current and earlier tokens (causal)',
  'mask.cross': 'Cross: each target token to all input tokens',

  'bert.tokens': 'The sentence becomes {count} tokens.',
  'bert.framed':
    '[CLS] goes in front — its vector will stand for the whole sentence — and [SEP] closes the sequence.',
  'bert.chosen': '{percent} % of the {candidates} words are chosen for prediction: {exact} → {chosen}.',
  'bert.noCandidates':
    'Too short to corrupt: there is no word BERT could choose, so nothing is masked and there is no loss.',
  'bert.lessThanOne':
    'Only {exact} of a word is 15 % here; BERT rounds and always chooses at least one word.',
  'bert.fate.mask': '“{word}” is replaced by [MASK] — the fate of 80 % of the chosen words.',
  'bert.fate.random': '“{word}” is replaced by a random word, “{replacement}” — 10 % of the chosen words.',
  'bert.fate.keep': '“{word}” stays as it is — 10 % of the chosen words. BERT must still predict it.',
  'bert.nothing': 'Nothing was chosen, so BERT has nothing to predict in this sentence.',
  'bert.input':
    'This is what BERT reads. At the {count} chosen position(s) it must predict the original word.',
  'bert.attention':
    'The encoder is bidirectional: position {position} (truly “{word}”) attends to every token, before and after it.',
  'bert.predictions': 'The output layer turns each chosen position into a guess over the whole vocabulary.',
  'bert.loss':
    'The cross-entropy loss is taken on the {count} chosen position(s) only; the other {others} are ignored.',

  't5.tokens': 'The original text: {count} tokens.',
  't5.tooShort':
    'Too short to corrupt: span corruption needs at least 2 tokens. The input stays as it is; the target is only the final sentinel.',
  't5.spans': '{percent} % of the {count} tokens are corrupted: {noise} token(s) in {spans} span(s).',
  't5.span':
    '“{words}” is replaced by the sentinel {sentinel}; the target gets {sentinel} followed by “{words}”.',
  't5.spanMerged':
    'The {length} consecutive tokens “{words}” merge under ONE sentinel, {sentinel}; the target gets {sentinel} {words}.',
  't5.final': 'The target ends with one more sentinel, {sentinel}.',
  't5.decode':
    'The decoder has read “{context}” — only the current and earlier target tokens (causal), but the whole input through cross-attention — and must write “{next}”.',

  'gpt.tokens': 'The text: {count} tokens.',
  'gpt.shift': 'The target is the input shifted by one token: <bos> starts the input, <eos> ends the target.',
  'gpt.predict':
    'After “{context}” the model must predict “{next}”. It may attend to these tokens only, never to later ones.',
  'gpt.prompt': 'The prompt: {count} tokens. Now the model writes one token at a time.',
  'gpt.generate':
    'Attending from “{query}” over every token so far, the model picks “{token}” ({percent} %). The causal mask grows by one row.',
  'gpt.stopped.eos': 'The model wrote <eos>: the text is finished ({count} new tokens).',
  'gpt.stopped.final-sentinel': 'The model wrote the final sentinel ({count} new tokens).',
  'gpt.stopped.max-tokens': 'Stopped after {count} new tokens (the limit).',
  'gpt.stopped.context': 'Stopped: the context is full ({count} new tokens).',
};

const id: Texts = {
  'title.bert': 'BERT · masked language modeling',
  'title.t5': 'T5 · memprediksi span berturut-turut',
  'title.gpt': 'GPT · memprediksi token berikutnya',
  footer: 'seed {seed} · bingkai {step} dari {total}',
  footerNoSeed: 'bingkai {step} dari {total}',

  'row.tokens': 'Token',
  'row.sequence': 'Urutan',
  'row.original': 'Asli',
  'row.input': 'Input',
  'row.labels': 'Label',
  'row.target': 'Target',
  'row.encoderInput': 'Input encoder',
  'row.decoderInput': 'Dibaca decoder',

  'caption.unknown': '“{word}”',
  'caption.was': 'semula “{word}”',
  'caption.kept': 'tetap',
  'caption.start': 'awal',
  'caption.probability': '{percent} %',

  'note.empty': 'Kalimatnya tidak berisi kata: ketik sebuah kalimat.',
  'note.unknownWords': 'Tidak ada dalam kosakata, ditampilkan sebagai [UNK]: {words}',
  'note.noModel':
    'Belum ada model yang dibuka: garis putus-putus dan batang menunjukkan token mana yang boleh diperhatikan (mask), bukan bobot yang dipelajari.',
  'note.sentenceVocabulary':
    'Belum ada model, jadi kosakatanya hanya kata-kata kalimat ini: kata pengganti acak adalah salah satunya.',
  'note.mismatch': 'Model membaca teks ini secara berbeda, jadi perhatian dan tebakannya tidak ditampilkan.',

  'panel.predictions': 'Tebakan model',
  'panel.noPredictions': 'Buka sebuah model untuk melihat tebakannya.',
  'panel.unavailable': 'Tidak ada tebakan di sini: model perlu membaca sedikitnya satu kata.',
  'panel.loss': 'Loss = rata-rata −log p(benar) = {loss}',
  'panel.lossTerm': '−log p = {value}',
  'panel.lossOutside': 'tidak ada di {k} teratas',
  'panel.truth': 'benar: “{truth}”',
  'panel.position': 'Posisi {index}',
  'panel.weights': 'Bobot perhatian: lapisan terakhir, rata-rata semua head',
  'mask.full': 'Encoder: setiap token ke setiap token',
  'mask.causal': 'Decoder: token saat ini dan sebelumnya (kausal)',
  'mask.cross': 'Cross: setiap token target ke semua token input',

  'bert.tokens': 'Kalimat menjadi {count} token.',
  'bert.framed':
    '[CLS] diletakkan di depan — vektornya akan mewakili seluruh kalimat — dan [SEP] menutup urutan.',
  'bert.chosen': '{percent} % dari {candidates} kata dipilih untuk diprediksi: {exact} → {chosen}.',
  'bert.noCandidates':
    'Terlalu pendek untuk dirusak: tidak ada kata yang bisa dipilih BERT, jadi tidak ada yang disembunyikan dan tidak ada loss.',
  'bert.lessThanOne':
    '15 % di sini hanya {exact} kata; BERT membulatkan dan selalu memilih sedikitnya satu kata.',
  'bert.fate.mask': '“{word}” diganti dengan [MASK] — nasib 80 % kata yang dipilih.',
  'bert.fate.random': '“{word}” diganti dengan kata acak, “{replacement}” — 10 % kata yang dipilih.',
  'bert.fate.keep':
    '“{word}” dibiarkan apa adanya — 10 % kata yang dipilih. BERT tetap harus memprediksinya.',
  'bert.nothing': 'Tidak ada yang dipilih, jadi BERT tidak perlu memprediksi apa pun di kalimat ini.',
  'bert.input':
    'Inilah yang dibaca BERT. Pada {count} posisi yang dipilih ia harus memprediksi kata aslinya.',
  'bert.attention':
    'Encoder bersifat dua arah: posisi {position} (sebenarnya “{word}”) memperhatikan setiap token, sebelum dan sesudahnya.',
  'bert.predictions':
    'Lapisan output mengubah setiap posisi yang dipilih menjadi tebakan atas seluruh kosakata.',
  'bert.loss':
    'Cross-entropy loss hanya dihitung pada {count} posisi yang dipilih; {others} posisi lainnya diabaikan.',

  't5.tokens': 'Teks asli: {count} token.',
  't5.tooShort':
    'Terlalu pendek untuk dirusak: span corruption memerlukan sedikitnya 2 token. Input tetap apa adanya; targetnya hanya token khusus penutup.',
  't5.spans': '{percent} % dari {count} token dirusak: {noise} token dalam {spans} span.',
  't5.span':
    '“{words}” diganti dengan token khusus {sentinel}; target mendapat {sentinel} diikuti “{words}”.',
  't5.spanMerged':
    '{length} token berturut-turut “{words}” digabung di bawah SATU token khusus, {sentinel}; target mendapat {sentinel} {words}.',
  't5.final': 'Target diakhiri dengan satu token khusus lagi, {sentinel}.',
  't5.decode':
    'Decoder telah membaca “{context}” — hanya token target saat ini dan sebelumnya (kausal), tetapi seluruh input lewat cross-attention — dan harus menulis “{next}”.',

  'gpt.tokens': 'Teks: {count} token.',
  'gpt.shift': 'Target adalah input yang digeser satu token: <bos> memulai input, <eos> mengakhiri target.',
  'gpt.predict':
    'Setelah “{context}” model harus memprediksi “{next}”. Ia hanya boleh memperhatikan token-token ini, tidak pernah token sesudahnya.',
  'gpt.prompt': 'Prompt: {count} token. Sekarang model menulis satu token setiap kali.',
  'gpt.generate':
    'Dengan memperhatikan dari “{query}” ke semua token sejauh ini, model memilih “{token}” ({percent} %). Mask kausal bertambah satu baris.',
  'gpt.stopped.eos': 'Model menulis <eos>: teksnya selesai ({count} token baru).',
  'gpt.stopped.final-sentinel': 'Model menulis token khusus penutup ({count} token baru).',
  'gpt.stopped.max-tokens': 'Berhenti setelah {count} token baru (batasnya).',
  'gpt.stopped.context': 'Berhenti: konteksnya penuh ({count} token baru).',
};

/** The dictionaries, for tests that check both languages have the same keys. */
export const narrationTexts: Record<Language, Readonly<Texts>> = { en, id };

/** The text of `narration` in `language` (English, then the key itself, when a text is missing). */
export function narrate(narration: Narration | string, language: Language = 'en'): string {
  const { key, values = {} } = typeof narration === 'string' ? { key: narration } : narration;
  const template = narrationTexts[language][key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** The title of an objective's animation. */
export function objectiveTitle(objective: Objective, language: Language = 'en'): string {
  return narrate(`title.${objective}`, language);
}

/** `language` if the lab has it, else English (for i18next codes such as `id-ID` or `en-US`). */
export function asLanguage(code: string | undefined): Language {
  return code?.toLowerCase().startsWith('id') ? 'id' : 'en';
}
