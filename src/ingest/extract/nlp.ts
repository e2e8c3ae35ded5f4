/** compromise with its dates plugin, set up once for every reading. */
import nlp from 'compromise';
import datesPlugin from 'compromise-dates';

nlp.plugin(datesPlugin);

export default nlp;
