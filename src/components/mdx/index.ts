/** The components authors can use in any MDX page without importing them. */
import Cite from './Cite.astro';
import Claim from './Claim.astro';
import Conflict from './Conflict.astro';
import Entity from './Entity.astro';
import Horizon from './Horizon.astro';
import OpenQuestion from './OpenQuestion.astro';
import LaunchCostChart from '../charts/LaunchCostChart.astro';
import PowerDemandChart from '../charts/PowerDemandChart.astro';

export const mdxComponents = { Cite, Claim, Conflict, Entity, Horizon, OpenQuestion, LaunchCostChart, PowerDemandChart };
