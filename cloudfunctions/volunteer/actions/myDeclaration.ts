import type { volunteerContract } from '../../../types/volunteer';
import type { Handler } from '../../core/router';
import { myDeclarationOf } from '../app/declaration';

export const myDeclaration: Handler<typeof volunteerContract.myDeclaration> = (_input, { caller, now }) => myDeclarationOf(caller, now);
