import { councilContract } from '../../types/council';
import { createFunction } from '../core/router';
import { advance } from './actions/advance';
import { board } from './actions/board';
import { comment } from './actions/comment';
import { comments } from './actions/comments';
import { progress } from './actions/progress';
import { rate } from './actions/rate';
import { cosign } from './actions/cosign';
import { matter } from './actions/matter';
import { minutes } from './actions/minutes';
import { moderate } from './actions/moderate';
import { openVote } from './actions/openVote';
import { raise } from './actions/raise';
import { vote } from './actions/vote';
import { closeVotes } from './jobs/closeVotes';
import { flushEffects } from './jobs/flushEffects';

export const main = createFunction('council', councilContract, { board, matter, raise, cosign, vote, comment, comments, rate, moderate, minutes, openVote, advance, progress }, { closeVotes, flushEffects });
