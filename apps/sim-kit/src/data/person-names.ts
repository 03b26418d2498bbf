/**
 * @module Person-name pools for seeded users. Each name carries an ASCII slug for emails and logins, so unicode
 * display names (the awkward cases a connector must survive) still yield valid addresses.
 */

export interface PooledName {
  readonly display: string;
  readonly slug: string;
}

export const FIRST_NAMES: readonly PooledName[] = [
  ['Ann', 'ann'],
  ['Ben', 'ben'],
  ['Chloe', 'chloe'],
  ['Dmitri', 'dmitri'],
  ['Elena', 'elena'],
  ['Farid', 'farid'],
  ['Grace', 'grace'],
  ['Hiro', 'hiro'],
  ['Ines', 'ines'],
  ['Jamal', 'jamal'],
  ['Kelly', 'kelly'],
  ['Liam', 'liam'],
  ['Maya', 'maya'],
  ['Noah', 'noah'],
  ['Olivia', 'olivia'],
  ['Priya', 'priya'],
  ['Quinn', 'quinn'],
  ['Rosa', 'rosa'],
  ['Sam', 'sam'],
  ['Tariq', 'tariq'],
  ['Uma', 'uma'],
  ['Victor', 'victor'],
  ['Wen', 'wen'],
  ['Xavier', 'xavier'],
  ['Yara', 'yara'],
  ['Zoë', 'zoe'],
  ['José', 'jose'],
  ['Søren', 'soren'],
  ['Ólafur', 'olafur'],
  ['François', 'francois'],
  ['Łucja', 'lucja'],
  ['Ольга', 'olga'],
  ['健', 'ken'],
  ['Σοφία', 'sofia'],
  ['محمد', 'mohammed'],
].map(([display, slug]) => ({ display: display as string, slug: slug as string }));

export const LAST_NAMES: readonly PooledName[] = [
  ['Lee', 'lee'],
  ['Smith', 'smith'],
  ['Garcia', 'garcia'],
  ['Nguyen', 'nguyen'],
  ['Okafor', 'okafor'],
  ['Kowalski', 'kowalski'],
  ['Tanaka', 'tanaka'],
  ['Rossi', 'rossi'],
  ['Haddad', 'haddad'],
  ['Brown', 'brown'],
  ['Patel', 'patel'],
  ['Schmidt', 'schmidt'],
  ['Johansson', 'johansson'],
  ['Silva', 'silva'],
  ['Cohen', 'cohen'],
  ['Müller', 'muller'],
  ['Núñez', 'nunez'],
  ['Ødegaard', 'odegaard'],
  ['O’Brien', 'obrien'],
  ['D’Angelo', 'dangelo'],
  ['Смирнова', 'smirnova'],
  ['渡辺', 'watanabe'],
  ['Παπαδόπουλος', 'papadopoulos'],
  ['Çelik', 'celik'],
  ['van der Berg', 'vanderberg'],
].map(([display, slug]) => ({ display: display as string, slug: slug as string }));
