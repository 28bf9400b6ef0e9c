import { volunteerContract } from '../../types/volunteer';
import { createFunction } from '../core/router';
import { activities } from './actions/activities';
import { activity } from './actions/activity';
import { cancelActivity } from './actions/cancelActivity';
import { cancelSignUp } from './actions/cancelSignUp';
import { checkIn } from './actions/checkIn';
import { checkOut } from './actions/checkOut';
import { correctRecord } from './actions/correctRecord';
import { declare } from './actions/declare';
import { hoursRule } from './actions/hoursRule';
import { issueCertificate } from './actions/issueCertificate';
import { myDeclaration } from './actions/myDeclaration';
import { reportedMembers } from './actions/reportedMembers';
import { verifyCertificate } from './actions/verifyCertificate';
import { createActivity } from './actions/createActivity';
import { joinTeam } from './actions/joinTeam';
import { manageActivities } from './actions/manageActivities';
import { members } from './actions/members';
import { myRecord } from './actions/myRecord';
import { publishActivity } from './actions/publishActivity';
import { reviewMember } from './actions/reviewMember';
import { roster } from './actions/roster';
import { setHoursRule } from './actions/setHoursRule';
import { signUp } from './actions/signUp';
import { teams } from './actions/teams';
import { units } from './actions/units';
import { registerUnit } from './actions/registerUnit';
import { saveTeam } from './actions/saveTeam';
import { appointLeader } from './actions/appointLeader';
import { projects } from './actions/projects';
import { publishProject } from './actions/publishProject';
import { claimProject } from './actions/claimProject';
import { projectProgress } from './actions/projectProgress';
import { behind } from './actions/behind';
import { remindBehind } from './actions/remindBehind';
import { flushEffects } from './jobs/flushEffects';
import { remindActivities } from './jobs/remindActivities';
import { remindDeclared } from './jobs/remindDeclared';

export const main = createFunction(
  'volunteer',
  volunteerContract,
  {
    teams,
    joinTeam,
    members,
    reviewMember,
    activities,
    activity,
    signUp,
    cancelSignUp,
    checkIn,
    checkOut,
    myRecord,
    manageActivities,
    createActivity,
    publishActivity,
    cancelActivity,
    roster,
    correctRecord,
    hoursRule,
    setHoursRule,
    myDeclaration,
    declare,
    reportedMembers,
    issueCertificate,
    verifyCertificate,
    units,
    registerUnit,
    saveTeam,
    appointLeader,
    projects,
    publishProject,
    claimProject,
    projectProgress,
    behind,
    remindBehind,
  },
  { remindActivities, remindDeclared, flushEffects },
);
